/// A job's `compute`, as the SDK turns it into `computeId` (`_resolve_compute_id`, azureml-rest.md §5).
public enum ComputeTarget: Sendable, Hashable {
    /// A compute in the workspace, by name: `azureml:cpu-cluster`, `cpu-cluster`, `serverless`.
    case named(String)
    /// An ARM id, sent verbatim.
    case armID(String)
    /// `virtualClusters/<name>` (after the prefix): an Azure ML virtual cluster of the subscription.
    case virtualCluster(String)
    /// `local`: the SDK runs the job on the submitting machine; no `computeId` is sent.
    case local

    /// Reads a `compute:` value; the `azureml:` prefix is optional, as in the SDK's schema.
    public init(parsing text: String) throws(AzureMLError) {
        var rest = text
        if rest.lowercased().hasPrefix("azureml:") { rest = String(rest.dropFirst("azureml:".count)) }
        guard !rest.isEmpty else { throw .invalidReference("`compute` names no compute") }
        if rest.lowercased() == "local" {
            self = .local
        } else if rest.hasPrefix("/") {
            guard rest.lowercased().hasPrefix("/subscriptions/") else {
                throw .invalidReference("`\(text)` is not a compute ARM id; expected /subscriptions/...")
            }
            self = .armID(rest)
        } else if rest.lowercased().hasPrefix("virtualclusters/") {
            self = .virtualCluster(String(rest.dropFirst("virtualClusters/".count)))
        } else if rest.contains("/") {
            throw .invalidReference("`\(text)` is not a compute name; an ARM id starts with `/subscriptions/`")
        } else {
            self = .named(rest)
        }
    }

    /// The `computeId` the SDK sends in `workspace`; `nil` for `local`.
    public func computeID(in workspace: WorkspaceID) -> String? {
        switch self {
        case .named(let name): return "\(workspace.armID)/computes/\(name)"
        case .armID(let id): return id
        case .virtualCluster(let name):
            return "/subscriptions/\(workspace.subscription)/resourceGroups/\(workspace.resourceGroup)"
                + "/providers/Microsoft.MachineLearningServices/virtualClusters/\(name)"
        case .local: return nil
        }
    }

    /// The compute in the workspace this target names, if any (what a plan links to a compute manifest).
    public var workspaceComputeName: String? {
        if case .named(let name) = self { return name }
        return nil
    }
}
