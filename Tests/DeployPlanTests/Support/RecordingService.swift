import AzureML
import Foundation
import Synchronization

/// A workspace service that forwards to another and records every request it sends (`GET /environments/e/...`),
/// so tests can assert what a plan read and that it wrote nothing.
final class RecordingService: WorkspaceService {
    let inner: any WorkspaceService
    private let log = Mutex<[String]>([])

    init(_ inner: any WorkspaceService) {
        self.inner = inner
    }

    var workspace: WorkspaceID { inner.workspace }

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        let path = request.path.replacingOccurrences(of: workspace.armID, with: "")
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        log.withLock {
            $0.append("\(request.method) \(path.isEmpty ? "/" : path)" + (query.isEmpty ? "" : "?\(query)"))
        }
        return try await inner.send(request)
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        log.withLock { $0.append("\(request.method) blob") }
        return try await inner.send(request)
    }

    /// Every request sent, in order.
    var requests: [String] { log.withLock { $0 } }

    /// The requests that are not GETs.
    var writes: [String] { requests.filter { !$0.hasPrefix("GET ") } }

    /// Forgets what was recorded.
    func reset() { log.withLock { $0 = [] } }
}
