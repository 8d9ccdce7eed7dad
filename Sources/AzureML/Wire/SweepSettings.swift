/// A sweep's `trial`: the command job template each trial runs (§2.6).
public struct TrialComponent: Sendable, Hashable {
    /// The command, with `${{inputs.x}}` and `${{search_space.x}}` placeholders.
    public var command: String
    /// The code version's ARM id.
    public var codeId: String?
    /// The environment's ARM id (or a curated/registry reference).
    public var environmentId: String
    /// Environment variables.
    public var environmentVariables: [String: String]?
    /// Distribution.
    public var distribution: Distribution?
    /// Resources.
    public var resources: JobResources?

    /// A trial.
    public init(
        command: String, codeId: String?, environmentId: String, environmentVariables: [String: String]? = [:],
        distribution: Distribution? = nil, resources: JobResources? = nil
    ) {
        self.command = command
        self.codeId = codeId
        self.environmentId = environmentId
        self.environmentVariables = environmentVariables
        self.distribution = distribution
        self.resources = resources
    }

    /// Reads and validates a trial.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        command = try reader.requiredString("command")
        codeId = try reader.string("codeId")
        environmentId = try reader.requiredString("environmentId")
        environmentVariables = try reader.stringMap("environmentVariables")
        distribution = try reader.raw("distribution").map { value throws(AzureMLError) in
            try Distribution(json: value, path: reader.field("distribution"))
        }
        resources = try reader.raw("resources").map { value throws(AzureMLError) in
            try JobResources(json: value, path: reader.field("resources"))
        }
    }

    /// The trial as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("codeId", codeId)
        writer.set("command", command)
        writer.set("environmentId", environmentId)
        writer.set("environmentVariables", environmentVariables)
        writer.set("distribution", distribution?.json)
        writer.set("resources", resources?.json)
        return writer.json
    }
}

/// `samplingAlgorithm`: Random (optionally Sobol, seeded), Grid or Bayesian.
public struct SamplingAlgorithm: Sendable, Hashable {
    /// `Random`, `Grid` or `Bayesian`.
    public var samplingAlgorithmType: String
    /// Random only: `random` or `sobol` (the SDK sends lowercase).
    public var rule: String?
    /// Random only: the seed.
    public var seed: Int?
    /// Random only: the log base, a number or text (a raw wire key the SDK adds).
    public var logbase: JSONValue?

    /// A sampling algorithm.
    public init(samplingAlgorithmType: String, rule: String? = nil, seed: Int? = nil, logbase: JSONValue? = nil) {
        self.samplingAlgorithmType = samplingAlgorithmType
        self.rule = rule
        self.seed = seed
        self.logbase = logbase
    }

    /// Reads a sampling algorithm.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("samplingAlgorithmType", ["Random", "Grid", "Bayesian"]) else {
            throw reader.missing("samplingAlgorithmType")
        }
        samplingAlgorithmType = type
        rule = try reader.enumString("rule", ["Random", "Sobol"])
        seed = try reader.int("seed")
        logbase = reader.raw("logbase")
    }

    /// The algorithm as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("rule", rule)
        writer.set("seed", seed)
        writer.set("logbase", logbase)
        writer.set("samplingAlgorithmType", samplingAlgorithmType)
        return writer.json
    }
}

/// `objective`: the metric a sweep optimizes and in which direction.
public struct Objective: Sendable, Hashable {
    /// `minimize` or `maximize` (the SDK sends lowercase).
    public var goal: String
    /// The metric's name as logged through MLflow.
    public var primaryMetric: String

    /// An objective.
    public init(goal: String, primaryMetric: String) {
        self.goal = goal
        self.primaryMetric = primaryMetric
    }

    /// Reads an objective.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let goal = try reader.enumString("goal", ["Minimize", "Maximize"]) else { throw reader.missing("goal") }
        self.goal = goal
        primaryMetric = try reader.requiredString("primaryMetric")
    }

    /// Whether smaller values are better.
    public var minimizes: Bool { goal.lowercased() == "minimize" }

    /// The objective as JSON.
    public var json: JSONValue {
        ["goal": .string(goal), "primaryMetric": .string(primaryMetric)]
    }
}

/// `earlyTermination`: Bandit, MedianStopping or TruncationSelection.
public struct EarlyTerminationPolicy: Sendable, Hashable {
    /// `Bandit`, `MedianStopping` or `TruncationSelection`.
    public var policyType: String
    /// Evaluate every this many intervals.
    public var evaluationInterval: Int?
    /// Do not evaluate before this many intervals.
    public var delayEvaluation: Int?
    /// Bandit: allowed ratio to the best.
    public var slackFactor: Double?
    /// Bandit: allowed absolute distance to the best.
    public var slackAmount: Double?
    /// TruncationSelection: the percentage of trials cancelled at each evaluation.
    public var truncationPercentage: Int?

    /// A policy.
    public init(
        policyType: String, evaluationInterval: Int? = nil, delayEvaluation: Int? = nil, slackFactor: Double? = nil,
        slackAmount: Double? = nil, truncationPercentage: Int? = nil
    ) {
        self.policyType = policyType
        self.evaluationInterval = evaluationInterval
        self.delayEvaluation = delayEvaluation
        self.slackFactor = slackFactor
        self.slackAmount = slackAmount
        self.truncationPercentage = truncationPercentage
    }

    /// Reads a policy.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("policyType", ["Bandit", "MedianStopping", "TruncationSelection"]) else {
            throw reader.missing("policyType")
        }
        policyType = type
        evaluationInterval = try reader.int("evaluationInterval")
        delayEvaluation = try reader.int("delayEvaluation")
        slackFactor = try reader.double("slackFactor")
        slackAmount = try reader.double("slackAmount")
        truncationPercentage = try reader.int("truncationPercentage")
    }

    /// The policy as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("delayEvaluation", delayEvaluation)
        writer.set("evaluationInterval", evaluationInterval)
        writer.set("slackFactor", slackFactor)
        writer.set("slackAmount", slackAmount)
        writer.set("truncationPercentage", truncationPercentage)
        writer.set("policyType", policyType)
        return writer.json
    }
}
