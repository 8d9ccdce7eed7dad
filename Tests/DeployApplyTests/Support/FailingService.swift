import AzureML
import Synchronization

/// A workspace service that answers the ARM requests `matches` selects with an ARM error (the first `times` of
/// them), and forwards everything else.
final class FailingService: WorkspaceService {
    let inner: any WorkspaceService
    private let matches: @Sendable (ARMRequest) -> Bool
    private let status: Int
    private let error: ARMErrorResponse
    private let remaining: Mutex<Int>

    init(
        _ inner: any WorkspaceService, status: Int = 400, error: ARMErrorResponse, times: Int = .max,
        matches: @escaping @Sendable (ARMRequest) -> Bool
    ) {
        self.inner = inner
        self.matches = matches
        self.status = status
        self.error = error
        remaining = Mutex(times)
    }

    var workspace: WorkspaceID { inner.workspace }

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        let fails =
            matches(request)
            && remaining.withLock { count in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
        if fails { return ARMResponse(status: status, body: error.json) }
        return try await inner.send(request)
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        try await inner.send(request)
    }
}
