public import DeployYAML

/// The content of an environment, shared by environment assets and inline job environments: exactly one of
/// `image` and `build`, plus an optional conda file.
public struct EnvironmentDefinition: Sendable {
    /// `image`: a Docker image reference.
    public var image: Located<String>?
    /// `build`: a Docker build context.
    public var build: Located<BuildContextSpec>?
    /// `conda_file`: a path (with its parsed contents) or an inline mapping.
    public var condaFile: Located<CondaFile>?
    /// `os_type`.
    public var osType: Located<OperatingSystem>?
    /// `inference_config`.
    public var inferenceConfig: Located<InferenceConfig>?
    /// `description`.
    public var description: Located<String>?
    /// `tags`.
    public var tags: KeyedList<Located<ResolvedScalar>>
    /// `datastore`: where a local build context is uploaded.
    public var datastore: Located<String>?
    /// `auto_delete_setting`.
    public var autoDeleteSetting: Located<AutoDeleteSetting>?
    /// The absolute folder relative paths in this definition were resolved against.
    public var baseDirectory: String

    /// A definition with every field given.
    public init(
        image: Located<String>? = nil, build: Located<BuildContextSpec>? = nil, condaFile: Located<CondaFile>? = nil,
        osType: Located<OperatingSystem>? = nil, inferenceConfig: Located<InferenceConfig>? = nil,
        description: Located<String>? = nil, tags: KeyedList<Located<ResolvedScalar>> = KeyedList(),
        datastore: Located<String>? = nil, autoDeleteSetting: Located<AutoDeleteSetting>? = nil,
        baseDirectory: String
    ) {
        self.image = image
        self.build = build
        self.condaFile = condaFile
        self.osType = osType
        self.inferenceConfig = inferenceConfig
        self.description = description
        self.tags = tags
        self.datastore = datastore
        self.autoDeleteSetting = autoDeleteSetting
        self.baseDirectory = baseDirectory
    }
}
