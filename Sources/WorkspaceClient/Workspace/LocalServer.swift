public import AzureML

/// A running `deploy serve` found through its workspace directory's `server.json` and `credentials.json`.
public struct LocalServer: Sendable, Hashable, CustomStringConvertible {
    /// The server's base URL (everything before `/subscriptions/...`).
    public var baseURL: String
    /// The workspace, when `server.json` names it (a `workspace` id, or a URL with the workspace path).
    public var workspace: WorkspaceID?
    /// The server's process id.
    public var pid: Int32
    /// The bearer token from `credentials.json`: send it, never print it.
    public var token: String

    /// A server.
    public init(baseURL: String, workspace: WorkspaceID?, pid: Int32, token: String) {
        self.baseURL = baseURL
        self.workspace = workspace
        self.pid = pid
        self.token = token
    }

    /// Never shows the token.
    public var description: String { "deploy serve at \(baseURL) (pid \(pid))" }
}
