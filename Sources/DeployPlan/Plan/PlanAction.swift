/// What applying a plan does with one resource.
public enum PlanAction: String, Sendable, Hashable, CaseIterable {
    /// PUT a resource that does not exist (after its uploads).
    case create
    /// PUT an existing resource whose mutable fields differ.
    case update
    /// Nothing: the resource exists as the manifests describe it.
    case noOp = "no-op"
    /// Nothing can be done: create-only fields differ; the plan says how to resolve it.
    case conflict
    /// Nothing: a resource the manifests name but do not define, read (and pinned) from the workspace.
    case read

    /// The symbol of the text form: `+`, `~`, `=`, `!`, `<=`.
    public var symbol: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .noOp: "="
        case .conflict: "!"
        case .read: "<="
        }
    }

    /// Whether applying the plan sends a PUT for it.
    public var writes: Bool { self == .create || self == .update }
}
