import AzureML
import Foundation
import Synchronization

/// A workspace service that forwards to another and records every request it sends (`PUT /environments/e/...`,
/// `PUT blob`), so tests can assert what an apply wrote, and how often.
final class RecordingService: WorkspaceService {
    let inner: any WorkspaceService
    private let log = Mutex<[String]>([])

    init(_ inner: any WorkspaceService) {
        self.inner = inner
    }

    var workspace: WorkspaceID { inner.workspace }

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        let path = request.path.replacingOccurrences(of: workspace.armID, with: "")
        log.withLock { $0.append("\(request.method) \(path.isEmpty ? "/" : path)") }
        return try await inner.send(request)
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        let url = BlobURL(request.url)
        let path = url.address.split(separator: "/").dropFirst(4).joined(separator: "/")
        let comp = url.query.split(separator: "&").first { $0.hasPrefix("comp=") }.map { "?" + $0 } ?? ""
        log.withLock { $0.append("\(request.method) blob \(PercentEncoding.decode(path) ?? path)\(comp)") }
        return try await inner.send(request)
    }

    /// Every request sent, in order.
    var requests: [String] { log.withLock { $0 } }

    /// The requests that are not GETs or HEADs.
    var writes: [String] { requests.filter { !$0.hasPrefix("GET ") && !$0.hasPrefix("HEAD ") } }

    /// Forgets what was recorded.
    func reset() { log.withLock { $0 = [] } }
}
