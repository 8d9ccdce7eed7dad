public import AzureML

/// The workspace a plan targets, as the user should read it: its id, how it is reached, and why it was chosen.
public struct PlanWorkspace: Sendable, Hashable {
    /// The workspace's id.
    public var id: WorkspaceID
    /// How it is reached: `local workspace in /repo/.deploy`, `Azure ML workspace azureml://...`.
    public var target: String
    /// Why this workspace: `from --workspace`, `the default: ...`.
    public var reason: String

    /// A workspace.
    public init(id: WorkspaceID, target: String, reason: String) {
        self.id = id
        self.target = target
        self.reason = reason
    }
}
