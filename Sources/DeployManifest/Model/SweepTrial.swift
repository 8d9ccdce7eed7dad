public import DeployYAML

/// A sweep's `trial`: the command part of a command job (no inputs, outputs, compute or limits of its own).
public struct SweepTrial: Sendable {
    /// `command`, with `${{search_space.x}}` and `${{inputs.x}}` placeholders.
    public var command: Located<String>
    /// `code`.
    public var code: Located<PathReference>?
    /// `environment`.
    public var environment: Located<JobEnvironment>
    /// `environment_variables`.
    public var environmentVariables: KeyedList<Located<ResolvedScalar>>
    /// `resources`.
    public var resources: Located<ResourceSpec>?
    /// `distribution`.
    public var distribution: Located<DistributionSpec>?
    /// `queue_settings`.
    public var queueSettings: Located<QueueSettingsSpec>?

    /// A trial with every field given.
    public init(
        command: Located<String>, code: Located<PathReference>?, environment: Located<JobEnvironment>,
        environmentVariables: KeyedList<Located<ResolvedScalar>>, resources: Located<ResourceSpec>?,
        distribution: Located<DistributionSpec>?, queueSettings: Located<QueueSettingsSpec>?
    ) {
        self.command = command
        self.code = code
        self.environment = environment
        self.environmentVariables = environmentVariables
        self.resources = resources
        self.distribution = distribution
        self.queueSettings = queueSettings
    }
}
