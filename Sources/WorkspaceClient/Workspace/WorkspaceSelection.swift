/// The workspace chosen for a command, and why it was chosen: every plan states both.
public struct WorkspaceSelection: Sendable, Hashable, CustomStringConvertible {
    /// The workspace.
    public var target: WorkspaceTarget
    /// Why: `from --workspace`, `from config.json at /x/.azureml/config.json`, ...
    public var reason: String

    /// A selection.
    public init(target: WorkspaceTarget, reason: String) {
        self.target = target
        self.reason = reason
    }

    /// `<target> (<reason>)`.
    public var description: String { "\(target) (\(reason))" }
}
