import DeployYAML

/// Sweep-specific keys: trial, sampling algorithm, search space, objective, limits, early termination.
extension LoadContext {
    /// `trial`: the command part of a command job.
    func sweepTrial(_ reader: MappingReader) -> Located<SweepTrial>? {
        reader.declare("$schema")
        let command = reader.string("command", required: true)
        let code = reader.field("code") { self.code($0, $1) }
        let environment = reader.pair("environment").flatMap {
            jobEnvironment($0.value, anchor: $0.key, reader.childPath("environment"))
        }
        if !reader.has("environment") { reader.missing("environment") }
        let variables = environmentVariables(reader)
        let resources = reader.nested("resources") { Located(self.resources($0), node: $0.node) }
        let distribution = reader.nested("distribution") { d in self.distribution(d).map { Located($0, node: d.node) } }
        let queue = reader.nested("queue_settings") { Located(self.queueSettings($0), node: $0.node) }
        let sweepLevel = "belongs at the sweep's top level, not in `trial`"
        reader.finish(hints: [
            "inputs": "`inputs` " + sweepLevel, "outputs": "`outputs` " + sweepLevel,
            "compute": "`compute` " + sweepLevel, "limits": "`limits` " + sweepLevel,
        ])
        guard let command, let environment else { return nil }
        return Located(
            SweepTrial(
                command: command, code: code, environment: environment, environmentVariables: variables,
                resources: resources, distribution: distribution, queueSettings: queue), node: reader.node)
    }

    /// `sampling_algorithm`: `random|grid|bayesian`, or `{type, seed, rule, logbase}`.
    func samplingAlgorithm(_ node: Node, anchor: Node, _ path: String) -> Located<SamplingSpec>? {
        if node.scalar != nil {
            guard let type = enumValue(node, path, SamplingType.self) else { return nil }
            return Located(SamplingSpec(type: type, isShorthand: true), node: node)
        }
        guard let reader = MappingReader(node, anchor: anchor, path: path, context: self) else { return nil }
        let type = reader.enumValue("type", SamplingType.self, required: true)
        var spec: SamplingSpec?
        if let type { spec = SamplingSpec(type: type, isShorthand: false) }
        var hints: [String: String] = [:]
        if type == nil || type?.value == .random {
            spec?.seed = reader.int("seed")
            spec?.rule = reader.enumValue("rule", SamplingRule.self)
            spec?.logbase = reader.field("logbase") { node, path -> Located<SamplingSpec.LogBase>? in
                if case .string(let text)? = (node.scalar != nil ? try? node.resolvedScalar() : nil) {
                    return Located(.string(text), node: node)
                }
                return sweepNumber(node, path).map { Located(.number($0.value), node: node) }
            }
        } else {
            for key in ["seed", "rule", "logbase"] {
                hints[key] = "`\(key)` is only valid for random sampling"
            }
        }
        reader.finish(hints: hints)
        return spec.map { Located($0, node: node) }
    }

    /// `objective: {goal, primary_metric}`.
    func objective(_ reader: MappingReader) -> Located<ObjectiveSpec>? {
        let goal = reader.enumValue("goal", Goal.self, required: true)
        let metric = reader.string("primary_metric", required: true)
        reader.finish()
        guard let goal, let metric else { return nil }
        return Located(ObjectiveSpec(goal: goal, primaryMetric: metric), node: reader.node)
    }

    /// A sweep's `limits`.
    func sweepLimits(_ reader: MappingReader) -> Located<SweepLimits>? {
        let total = reader.int("max_total_trials", required: true)
        let concurrent = reader.int("max_concurrent_trials")
        let timeout = reader.int("timeout")
        let trialTimeout = reader.int("trial_timeout")
        reader.finish()
        guard let total else { return nil }
        return Located(
            SweepLimits(
                maxTotalTrials: total, maxConcurrentTrials: concurrent, timeout: timeout, trialTimeout: trialTimeout),
            node: reader.node)
    }

    /// `early_termination`, by `type`.
    func earlyTermination(_ reader: MappingReader) -> Located<EarlyTerminationSpec>? {
        let type = reader.enumValue("type", EarlyTerminationName.self, required: true)
        let interval = reader.nullableInt("evaluation_interval")
        let delay = reader.nullableInt("delay_evaluation")
        var spec: EarlyTerminationSpec?
        var hints: [String: String] = [:]
        let bandit = "is only valid for `type: bandit`"
        hints["slack_factor"] = "`slack_factor` " + bandit
        hints["slack_amount"] = "`slack_amount` " + bandit
        hints["truncation_percentage"] = "`truncation_percentage` is only valid for `type: truncation_selection`"
        switch type?.value {
        case .bandit?:
            hints["slack_factor"] = nil
            hints["slack_amount"] = nil
            spec = .bandit(
                slackFactor: reader.nullableDouble("slack_factor"), slackAmount: reader.nullableDouble("slack_amount"),
                evaluationInterval: interval, delayEvaluation: delay)
        case .medianStopping?:
            spec = .medianStopping(evaluationInterval: interval, delayEvaluation: delay)
        case .truncationSelection?:
            hints["truncation_percentage"] = nil
            if let percentage = reader.int("truncation_percentage", required: true) {
                spec = .truncationSelection(
                    truncationPercentage: percentage, evaluationInterval: interval, delayEvaluation: delay)
            }
        case nil:
            reader.declare("slack_factor", "slack_amount", "truncation_percentage")
            hints = [:]
        }
        reader.finish(hints: hints)
        return spec.map { Located($0, node: reader.node) }
    }

    /// `search_space`: parameter name → distribution.
    func searchSpace(_ node: Node, _ path: String) -> KeyedList<Located<ParameterDistribution>>? {
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return nil
        }
        var entries: [KeyedList<Located<ParameterDistribution>>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            let childPath = LoadContext.join(path, key.value)
            checkName(key, childPath)
            if let distribution = parameterDistribution(pair.value, anchor: pair.key, childPath) {
                entries.append(.init(key: key, value: distribution))
            }
        }
        return KeyedList(entries)
    }

    /// One distribution, top-level or nested in a choice.
    func parameterDistribution(_ node: Node, anchor: Node, _ path: String) -> Located<ParameterDistribution>? {
        guard let reader = MappingReader(node, anchor: anchor, path: path, context: self) else { return nil }
        let type = reader.enumValue("type", DistributionKind.self, required: true)
        defer { reader.finish() }
        func number(_ key: String) -> Located<SweepNumber>? {
            reader.field(key, required: true) { sweepNumber($0, $1) }
        }
        let distribution: ParameterDistribution?
        switch type?.value {
        case .choice?:
            distribution = reader.field("values", required: true) { choiceValues($0, $1) }.map { .choice(values: $0) }
        case .uniform?, .logUniform?:
            let (low, high) = (number("min_value"), number("max_value"))
            guard let low, let high else { return nil }
            distribution = type?.value == .uniform ? .uniform(min: low, max: high) : .logUniform(min: low, max: high)
        case .qUniform?, .qLogUniform?:
            let (low, high, q) = (number("min_value"), number("max_value"), number("q"))
            guard let low, let high, let q else { return nil }
            distribution =
                type?.value == .qUniform
                ? .qUniform(min: low, max: high, q: q) : .qLogUniform(min: low, max: high, q: q)
        case .normal?, .logNormal?:
            let (mu, sigma) = (number("mu"), number("sigma"))
            guard let mu, let sigma else { return nil }
            distribution = type?.value == .normal ? .normal(mu: mu, sigma: sigma) : .logNormal(mu: mu, sigma: sigma)
        case .qNormal?, .qLogNormal?:
            let (mu, sigma, q) = (number("mu"), number("sigma"), number("q"))
            guard let mu, let sigma, let q else { return nil }
            distribution =
                type?.value == .qNormal
                ? .qNormal(mu: mu, sigma: sigma, q: q) : .qLogNormal(mu: mu, sigma: sigma, q: q)
        case .randint?:
            distribution = reader.int("upper", required: true).map { .randint(upper: $0) }
        case nil:
            reader.declare("values", "min_value", "max_value", "q", "mu", "sigma", "upper")
            return nil
        }
        return distribution.map { Located($0, node: node) }
    }

    /// A choice's `values`: numbers, strings, or mappings of scalars and nested distributions.
    private func choiceValues(_ node: Node, _ path: String) -> [Located<ChoiceValue>]? {
        guard let items = node.items else {
            mismatch(path, "a sequence", node)
            return nil
        }
        var values: [Located<ChoiceValue>] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = LoadContext.join(path, index: index)
            if let pairs = item.pairs {
                var entries: [KeyedList<Located<ChoiceParameter>>.Entry] = []
                for pair in pairs {
                    guard let key = string(pair.key, itemPath) else {
                        failed = true
                        continue
                    }
                    let childPath = LoadContext.join(itemPath, key.value)
                    if pair.value.pairs != nil {
                        guard let nested = parameterDistribution(pair.value, anchor: pair.key, childPath) else {
                            failed = true
                            continue
                        }
                        entries.append(.init(key: key, value: nested.map { .distribution($0) }))
                    } else if let scalar = choiceScalar(
                        pair.value, childPath,
                        expected: "a number, a string or a "
                            + "distribution")
                    {
                        entries.append(.init(key: key, value: scalar.map(\.parameter)))
                    } else {
                        failed = true
                    }
                }
                values.append(Located(.parameters(KeyedList(entries)), node: item))
            } else if let scalar = choiceScalar(item, itemPath, expected: "a number, a string or a mapping") {
                values.append(scalar.map(\.value))
            } else {
                failed = true
            }
        }
        return failed ? nil : values
    }

    /// An integer, float or string choice value; booleans and null are errors, as in the SDK.
    private func choiceScalar(_ node: Node, _ path: String, expected: String) -> Located<ChoiceScalar>? {
        switch node.scalar != nil ? try? node.resolvedScalar() : nil {
        case .int(let value)?: return Located(.int(value), node: node)
        case .float(let value)?: return Located(.float(value), node: node)
        case .string(let text)?: return Located(.string(text), node: node)
        default:
            mismatch(path, expected, node)
            return nil
        }
    }
}

/// A scalar choice value, before it becomes a `ChoiceValue` (top level) or a `ChoiceParameter` (in a mapping).
enum ChoiceScalar: Sendable {
    case int(Int)
    case float(Double)
    case string(String)

    var value: ChoiceValue {
        switch self {
        case .int(let number): return .int(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        }
    }

    var parameter: ChoiceParameter {
        switch self {
        case .int(let number): return .int(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        }
    }
}

/// `early_termination.type` (camelCase accepted, as in the SDK).
enum EarlyTerminationName: String, CaseIterable, ManifestEnum {
    case bandit
    case medianStopping = "median_stopping"
    case truncationSelection = "truncation_selection"

    static var acceptsCamelCase: Bool { true }
}
