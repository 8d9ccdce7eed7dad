public import DeployManifest

/// Where a reference appears in a manifest; the SDK accepts different forms in each place (azureml-rest.md §5).
public enum ReferenceRole: Sendable, Hashable {
    /// A job's or trial's `environment`.
    case environment
    /// A job's or trial's `code`.
    case code
    /// The `path` of a job input of the given type.
    case input(AssetType)
    /// The `path` of a data asset.
    case dataPath
    /// The `path` of an environment's `build` context.
    case buildContext

    /// How messages name the place: `environment`, `code`, `input path`, `data path`, `build context`.
    public var noun: String {
        switch self {
        case .environment: "environment"
        case .code: "code"
        case .input: "input path"
        case .dataPath: "data path"
        case .buildContext: "build context"
        }
    }
}
