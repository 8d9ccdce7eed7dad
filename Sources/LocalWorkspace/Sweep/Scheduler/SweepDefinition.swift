public import AzureML

/// What a sweep job asks for, read from its stored properties: the search space, sampling algorithm, objective,
/// early-termination policy and limits, and the trial template. Both the job route (which rejects a sweep it could
/// not run with 400) and `SweepScheduler` read sweeps through it.
public struct SweepDefinition: Sendable {
    /// The sweep job's name; trial `n` is `<name>_<n>`, from 0 (as Azure ML names a sweep's child runs).
    public let name: String
    /// The sweep's properties as stored.
    public let properties: JobProperties
    /// The search space.
    public let space: SearchSpace
    /// The sampling algorithm.
    public let algorithm: SamplingStrategy
    /// The primary metric and its goal.
    public let objective: SweepObjective
    /// The early-termination policy, if any.
    public let policy: TerminationPolicy?
    /// `limits.maxTotalTrials`.
    public let maxTotalTrials: Int
    /// `limits.maxConcurrentTrials`; `maxTotalTrials` when unset (the compute's queue still applies).
    public let maxConcurrentTrials: Int
    /// `limits.timeout` as written and in seconds, if set.
    public let timeout: (limit: String, seconds: Double)?

    /// Reads sweep `name` from its properties (the PUT body's `properties`); throws `invalidSweep` naming the JSON
    /// path of what is wrong or what the sampling algorithm does not accept.
    public init(name: String, properties object: JSONObject) throws(LocalWorkspaceError) {
        let job: JobProperties
        do {
            job = try JobProperties(json: .object(object))
        } catch {
            throw .invalidSweep(error.message, field: error.location ?? "properties")
        }
        guard job.isSweep, let limits = job.limits, let total = limits.maxTotalTrials else {
            throw .invalidSweep("expected a sweep job with limits.maxTotalTrials", field: "jobType")
        }
        self.name = name
        properties = job
        space = try SearchSpace(wire: object["searchSpace"] ?? .null)
        algorithm = try SamplingStrategy(wire: object["samplingAlgorithm"] ?? .null)
        objective = try SweepObjective(wire: object["objective"] ?? .null)
        if let value = object["earlyTermination"], !value.isNull {
            policy = try TerminationPolicy(wire: value)
        } else {
            policy = nil
        }
        try algorithm.validate(space, earlyTermination: policy)
        guard total >= 1 else {
            throw .invalidSweep("expected a positive integer, found \(total)", field: "limits.maxTotalTrials")
        }
        maxTotalTrials = total
        if let concurrent = limits.maxConcurrentTrials, concurrent != 0 {
            guard concurrent >= 1 else {
                throw .invalidSweep(
                    "expected a positive integer, found \(concurrent)", field: "limits.maxConcurrentTrials")
            }
            maxConcurrentTrials = concurrent
        } else {
            maxConcurrentTrials = total
        }
        if let limit = limits.timeout {
            guard let seconds = ISODuration.seconds(limit), seconds > 0 else {
                throw .invalidSweep("'\(limit)' is not a positive duration", field: "limits.timeout")
            }
            timeout = (limit, seconds)
        } else {
            timeout = nil
        }
        if let limit = limits.trialTimeout {
            guard let seconds = ISODuration.seconds(limit), seconds > 0 else {
                throw .invalidSweep("'\(limit)' is not a positive duration", field: "limits.trialTimeout")
            }
        }
    }

    /// The name of trial `index`: `<sweep>_<index>`.
    public func trialName(_ index: Int) -> String {
        "\(name)_\(index)"
    }

    /// Trial `index`'s command job: the sweep's `trial` (command, code, environment, its variables, distribution,
    /// resources) with the sweep's inputs, outputs, compute, experiment and tags, `parentJobName` set, and
    /// `limits.trialTimeout` as its timeout.
    public func trialProperties(_ index: Int) -> JobProperties {
        var job = JobProperties(jobType: "Command")
        let trial = properties.trial
        job.displayName = trialName(index)
        job.experimentName = properties.experimentName
        job.tags = properties.tags
        job.computeId = properties.computeId
        job.parentJobName = name
        job.inputs = properties.inputs
        job.outputs = properties.outputs
        job.command = trial?.command
        job.codeId = trial?.codeId
        job.environmentId = trial?.environmentId
        job.environmentVariables = trial?.environmentVariables
        job.distribution = trial?.distribution
        job.resources = trial?.resources ?? properties.resources
        job.identity = properties.identity
        job.queueSettings = properties.queueSettings
        if let limit = properties.limits?.trialTimeout {
            job.limits = JobLimits(jobLimitsType: "Command", timeout: limit)
        }
        return job
    }
}
