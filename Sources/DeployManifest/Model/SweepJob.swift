public import DeployYAML

/// A sweep job manifest (`type: sweep`).
public struct SweepJob: Sendable {
    /// The keys every job has.
    public var metadata: JobMetadata
    /// `trial`: the command each trial runs.
    public var trial: Located<SweepTrial>
    /// `sampling_algorithm`.
    public var samplingAlgorithm: Located<SamplingSpec>
    /// `search_space`: parameter name → distribution, in source order; each entry keeps its raw node.
    public var searchSpace: KeyedList<Located<ParameterDistribution>>
    /// `objective`.
    public var objective: Located<ObjectiveSpec>
    /// `limits`.
    public var limits: Located<SweepLimits>
    /// `early_termination`.
    public var earlyTermination: Located<EarlyTerminationSpec>?
    /// `inputs`, shared by every trial.
    public var inputs: KeyedList<Located<InputSpec>>
    /// `outputs`.
    public var outputs: KeyedList<Located<OutputSpec>>
    /// `queue_settings`.
    public var queueSettings: Located<QueueSettingsSpec>?
    /// `resources` at the sweep level (the SDK copies the trial's when absent).
    public var resources: Located<ResourceSpec>?
    /// The whole document.
    public var node: Node

    /// A sweep job with every field given.
    public init(
        metadata: JobMetadata, trial: Located<SweepTrial>, samplingAlgorithm: Located<SamplingSpec>,
        searchSpace: KeyedList<Located<ParameterDistribution>>, objective: Located<ObjectiveSpec>,
        limits: Located<SweepLimits>, earlyTermination: Located<EarlyTerminationSpec>?,
        inputs: KeyedList<Located<InputSpec>>, outputs: KeyedList<Located<OutputSpec>>,
        queueSettings: Located<QueueSettingsSpec>?, resources: Located<ResourceSpec>?, node: Node
    ) {
        self.metadata = metadata
        self.trial = trial
        self.samplingAlgorithm = samplingAlgorithm
        self.searchSpace = searchSpace
        self.objective = objective
        self.limits = limits
        self.earlyTermination = earlyTermination
        self.inputs = inputs
        self.outputs = outputs
        self.queueSettings = queueSettings
        self.resources = resources
        self.node = node
    }
}
