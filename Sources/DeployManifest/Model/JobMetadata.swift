public import DeployYAML

/// The keys every job has (the SDK's `BaseJobSchema`): names, description, tags, properties, compute, identity
/// and services.
public struct JobMetadata: Sendable {
    /// `name`: the job's id in the workspace; the SDK generates one when absent.
    public var name: Located<String>?
    /// `display_name`.
    public var displayName: Located<String>?
    /// `description`.
    public var description: Located<String>?
    /// `experiment_name`; the SDK defaults it to the working directory's name.
    public var experimentName: Located<String>?
    /// `tags`: values are strings or null.
    public var tags: KeyedList<Located<ResolvedScalar>>
    /// `properties`: values are strings or null.
    public var properties: KeyedList<Located<ResolvedScalar>>
    /// `compute` as written: `azureml:cpu-cluster`, `cpu-cluster`, `serverless`, `local` or an ARM id.
    public var compute: Located<String>?
    /// `identity`.
    public var identity: Located<IdentitySpec>?
    /// `services`, or `nil` when the key is absent.
    public var services: KeyedList<Located<ServiceSpec>>?

    /// Metadata with every field given.
    public init(
        name: Located<String>? = nil, displayName: Located<String>? = nil, description: Located<String>? = nil,
        experimentName: Located<String>? = nil, tags: KeyedList<Located<ResolvedScalar>> = KeyedList(),
        properties: KeyedList<Located<ResolvedScalar>> = KeyedList(), compute: Located<String>? = nil,
        identity: Located<IdentitySpec>? = nil, services: KeyedList<Located<ServiceSpec>>? = nil
    ) {
        self.name = name
        self.displayName = displayName
        self.description = description
        self.experimentName = experimentName
        self.tags = tags
        self.properties = properties
        self.compute = compute
        self.identity = identity
        self.services = services
    }
}
