public import DeployYAML

/// A command job manifest (`type: command`).
public struct CommandJob: Sendable {
    /// The keys every job has.
    public var metadata: JobMetadata
    /// `command`, exactly as YAML delivered it (a folded `>-` block is already one line).
    public var command: Located<String>
    /// `code`: a local folder or file, or a reference.
    public var code: Located<PathReference>?
    /// `environment`: a reference or an inline definition.
    public var environment: Located<JobEnvironment>
    /// `environment_variables`: scalar values as YAML resolved them.
    public var environmentVariables: KeyedList<Located<ResolvedScalar>>
    /// `inputs`, in source order.
    public var inputs: KeyedList<Located<InputSpec>>
    /// `outputs`, in source order.
    public var outputs: KeyedList<Located<OutputSpec>>
    /// `resources`.
    public var resources: Located<ResourceSpec>?
    /// `distribution`.
    public var distribution: Located<DistributionSpec>?
    /// `limits`.
    public var limits: Located<CommandLimits>?
    /// `queue_settings`.
    public var queueSettings: Located<QueueSettingsSpec>?
    /// `parent_job_name`.
    public var parentJobName: Located<String>?
    /// The whole document.
    public var node: Node

    /// A command job with every field given.
    public init(
        metadata: JobMetadata, command: Located<String>, code: Located<PathReference>?,
        environment: Located<JobEnvironment>, environmentVariables: KeyedList<Located<ResolvedScalar>>,
        inputs: KeyedList<Located<InputSpec>>, outputs: KeyedList<Located<OutputSpec>>,
        resources: Located<ResourceSpec>?, distribution: Located<DistributionSpec>?, limits: Located<CommandLimits>?,
        queueSettings: Located<QueueSettingsSpec>?, parentJobName: Located<String>?, node: Node
    ) {
        self.metadata = metadata
        self.command = command
        self.code = code
        self.environment = environment
        self.environmentVariables = environmentVariables
        self.inputs = inputs
        self.outputs = outputs
        self.resources = resources
        self.distribution = distribution
        self.limits = limits
        self.queueSettings = queueSettings
        self.parentJobName = parentJobName
        self.node = node
    }
}
