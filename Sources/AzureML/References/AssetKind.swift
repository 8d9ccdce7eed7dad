/// The kinds of workspace asset a manifest reference can name with `azureml:name:version` or `azureml:name@label`.
public enum AssetKind: String, Sendable, Hashable, CaseIterable {
    /// An environment version.
    case environment
    /// A data asset version.
    case data
    /// A model version (inputs of type `mlflow_model` and `custom_model`).
    case model
    /// A code version.
    case code

    /// The path segment under the workspace id: `environments`, `data`, `models`, `codes`.
    public var collection: String {
        switch self {
        case .environment: "environments"
        case .data: "data"
        case .model: "models"
        case .code: "codes"
        }
    }

    /// The resource kind `deploy` manages for this asset kind; `nil` for models, which it only references.
    public var resourceKind: ResourceKind? {
        switch self {
        case .environment: .environment
        case .data: .data
        case .model: nil
        case .code: .code
        }
    }

    /// The ARM id of `name` at `version` in `workspace`: `{WS}/data/iris/versions/1`.
    public func armID(name: String, version: String, in workspace: WorkspaceID) -> String {
        "\(workspace.armID)/\(collection)/\(name)/versions/\(version)"
    }

    /// The ARM id of the container `name` in `workspace`: `{WS}/data/iris`.
    public func containerID(name: String, in workspace: WorkspaceID) -> String {
        "\(workspace.armID)/\(collection)/\(name)"
    }
}
