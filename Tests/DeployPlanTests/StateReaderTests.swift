import AzureML
import DeployPlan
import Synchronization
import Testing

/// A workspace that answers every GET after a short wait and tracks how many requests are in flight.
final class SlowWorkspace: WorkspaceService {
    let workspace = WorkspaceID.local
    private let state = Mutex<(inFlight: Int, peak: Int, paths: [String])>((0, 0, []))

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        state.withLock {
            $0.inFlight += 1
            $0.peak = max($0.peak, $0.inFlight)
            $0.paths.append(request.path)
        }
        try await Task.sleep(for: .milliseconds(5))
        state.withLock { $0.inFlight -= 1 }
        if request.path.hasSuffix("/missing") {
            return ARMResponse(status: 404, body: ARMErrorResponse(code: "NotFound", message: "no").json)
        }
        if request.path.hasSuffix("/forbidden") {
            return ARMResponse(status: 403, body: ARMErrorResponse(code: "AuthorizationFailed", message: "denied").json)
        }
        return ARMResponse(status: 200, body: ["id": .string(request.path), "name": "n", "properties": [:]])
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        BlobResponse(status: 404, headers: [], body: [])
    }

    var peak: Int { state.withLock { $0.peak } }
    var paths: [String] { state.withLock { $0.paths } }
}

@Suite struct StateReaderTests {
    @Test func readsRunInParallelWithinTheBoundAndOnce() async {
        let workspace = SlowWorkspace()
        let reads = (0..<40).map {
            StateRead(path: "/environments/e\($0 % 30)/versions/1", apiVersion: "v", shape: .resource)
        }
        let outcomes = await StateReader(service: workspace, limit: 6).read(reads)
        #expect(outcomes.count == 30)
        #expect(workspace.paths.count == 30)
        #expect(workspace.peak == 6)
    }

    @Test func absentAndFailedReadsAreTold() async {
        let workspace = SlowWorkspace()
        let reader = StateReader(service: workspace, limit: 2)
        #expect(await reader.perform(StateRead(path: "/jobs/missing", apiVersion: "v", shape: .resource)) == .absent)
        #expect(
            await reader.perform(StateRead(path: "/jobs/forbidden", apiVersion: "v", shape: .resource))
                == .failed("GET /jobs/forbidden: HTTP 403 (AuthorizationFailed) denied"))
        #expect(await reader.perform(StateRead(path: "/models/missing", apiVersion: "v", shape: .list)) == .list([]))
    }
}
