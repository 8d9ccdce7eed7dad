public import AsyncHTTPClient
import AzureML
import Foundation
internal import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a live `deploy serve` for a local workspace directory: `<dir>/server.json` (`{"url", "pid"}`, optionally
/// `"workspace"`) names it, its process must be alive and its URL must answer, and `<dir>/credentials.json` holds
/// its bearer token under `token`. When none is live, the caller starts the server in-process.
public enum LocalServerDiscovery {
    /// What the directory holds.
    public enum Status: Sendable, Hashable {
        /// A live server to connect to.
        case running(LocalServer)
        /// No live server, and why (no `server.json`, a dead pid, no answer).
        case notRunning(reason: String)
    }

    /// Looks for a live server in `directory`, giving its URL `timeout` seconds to answer.
    public static func discover(
        directory: String, httpClient: HTTPClient, timeout: Double = 2
    ) async throws(WorkspaceClientError) -> Status {
        let serverFile = (directory as NSString).appendingPathComponent("server.json")
        guard let data = FileManager.default.contents(atPath: serverFile) else {
            return .notRunning(reason: "no server.json in \(directory)")
        }
        guard case .object(let object)? = try? JSONValue(parsing: Array(data)),
            let url = object["url"]?.stringValue, HTTPURL(url) != nil, let pid = object["pid"]?.intValue,
            let pid32 = Int32(exactly: pid), pid32 > 0
        else {
            return .notRunning(reason: "\(serverFile) does not hold a server's url and pid")
        }
        guard isAlive(pid32) else {
            return .notRunning(reason: "the server in \(serverFile) (pid \(pid)) is no longer running")
        }
        var baseURL = url
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        var workspace: WorkspaceID?
        if let id = object["workspace"]?.stringValue { workspace = try? WorkspaceID(parsing: id) }
        if let start = baseURL.range(of: "/subscriptions/", options: .caseInsensitive) {
            workspace = workspace ?? (try? WorkspaceID(parsing: String(baseURL[start.lowerBound...])))
            baseURL = String(baseURL[..<start.lowerBound])
        }
        if let failure = await probe(baseURL, httpClient: httpClient, timeout: timeout) {
            return .notRunning(reason: "the server at \(baseURL) (pid \(pid)) does not answer: \(failure)")
        }
        let token = try EndpointToken.read((directory as NSString).appendingPathComponent("credentials.json"))
        return .running(LocalServer(baseURL: baseURL, workspace: workspace, pid: pid32, token: token))
    }

    /// Whether a process with `pid` exists (one we may not signal counts).
    public static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// `nil` when `url` answers HTTP at all (any status), else why not.
    static func probe(_ url: String, httpClient: HTTPClient, timeout: Double) async -> String? {
        let request = HTTPClientRequest(url: url + "/")
        do {
            let response = try await httpClient.execute(
                request, deadline: .now() + .nanoseconds(Int64(timeout * 1_000_000_000)))
            _ = try await response.body.collect(upTo: 1 << 20)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
