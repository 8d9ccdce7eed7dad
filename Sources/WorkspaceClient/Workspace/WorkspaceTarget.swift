public import AzureML

/// The workspace a command works on: a local workspace directory, an Azure ML workspace, or the workspace of another
/// `deploy serve` reached by URL.
public enum WorkspaceTarget: Sendable, Hashable, CustomStringConvertible {
    /// The local workspace in `directory` (absolute): a running `deploy serve` there, or one started in-process.
    case local(directory: String)
    /// An Azure ML workspace, reached through Azure Resource Manager with an Azure credential.
    case azure(WorkspaceID)
    /// A workspace served at `baseURL` (everything before `/subscriptions/...`), with a bearer token of its own.
    case endpoint(baseURL: String, workspace: WorkspaceID)

    public var description: String {
        switch self {
        case .local(let directory): "local workspace in \(directory)"
        case .azure(let workspace): "Azure ML workspace \(workspace.uri)"
        case .endpoint(let baseURL, let workspace): "workspace \(workspace.workspace) at \(baseURL)"
        }
    }
}
