import DeployManifest
import DeployYAML

/// The sweep-specific parts: search space, sampling algorithm, early termination.
extension TranslationContext {
    /// `search_space` as the SDK encodes it: name → `["<type>", [arguments]]`, a choice's values one list deeper,
    /// nested distributions in choice mappings encoded the same way.
    func searchSpace(_ space: KeyedList<Located<ParameterDistribution>>) -> JSONObject {
        JSONObject(space.map { ($0.key.value, Self.encode($0.value.value)) })
    }

    /// One distribution (`SweepDistribution._to_rest_object`).
    static func encode(_ distribution: ParameterDistribution) -> JSONValue {
        func number(_ value: Located<SweepNumber>) -> JSONValue {
            switch value.value {
            case .int(let number): .int(number)
            case .float(let number): .double(number)
            }
        }
        let arguments: [JSONValue]
        switch distribution {
        case .choice(let values):
            arguments = [.array(values.map { encode($0.value) })]
        case .uniform(let low, let high), .logUniform(let low, let high):
            arguments = [number(low), number(high)]
        case .qUniform(let low, let high, let q), .qLogUniform(let low, let high, let q):
            arguments = [number(low), number(high), number(q)]
        case .normal(let mu, let sigma), .logNormal(let mu, let sigma):
            arguments = [number(mu), number(sigma)]
        case .qNormal(let mu, let sigma, let q), .qLogNormal(let mu, let sigma, let q):
            arguments = [number(mu), number(sigma), number(q)]
        case .randint(let upper):
            arguments = [.int(upper.value)]
        }
        return [.string(distribution.kind.rawValue), .array(arguments)]
    }

    /// One choice value: a scalar, or a mapping whose nested distributions are encoded.
    static func encode(_ value: ChoiceValue) -> JSONValue {
        switch value {
        case .int(let number): return .int(number)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        case .parameters(let list):
            return .object(
                JSONObject(
                    list.map { entry in
                        let value: JSONValue
                        switch entry.value.value {
                        case .distribution(let nested): value = encode(nested)
                        case .int(let number): value = .int(number)
                        case .float(let number): value = .double(number)
                        case .string(let text): value = .string(text)
                        }
                        return (entry.key.value, value)
                    }))
        }
    }

    /// `sampling_algorithm`: `Random` with `rule`, `seed` and `logbase` as written, `Grid`, `Bayesian`.
    func samplingAlgorithm(_ spec: Located<SamplingSpec>) -> SamplingAlgorithm {
        let sampling = spec.value
        switch sampling.type.value {
        case .random:
            var logbase: JSONValue?
            switch sampling.logbase?.value {
            case .number(.int(let number))?: logbase = .int(number)
            case .number(.float(let number))?: logbase = .double(number)
            case .string(let text)?: logbase = .string(text)
            case nil: logbase = nil
            }
            return SamplingAlgorithm(
                samplingAlgorithmType: sampling.type.value.restValue, rule: sampling.rule?.value.rawValue,
                seed: sampling.seed?.value,
                logbase: logbase)
        case .grid, .bayesian:
            return SamplingAlgorithm(samplingAlgorithmType: sampling.type.value.restValue)
        }
    }

    /// `early_termination` with the SDK's defaults (`BanditPolicy`: every number 0; `MedianStoppingPolicy`:
    /// evaluation interval 1; `TruncationSelectionPolicy`: 0). A key written as null is left out, as the SDK passes
    /// `None` on. Defaults are integers in the SDK, so `patch` rewrites them as integers after the wire model,
    /// which holds slack values as doubles.
    func earlyTermination(
        _ spec: Located<EarlyTerminationSpec>?
    ) -> (policy: EarlyTerminationPolicy, patch: (inout JSONObject) -> Void)? {
        guard let spec else { return nil }
        let node = spec.node
        /// Whether `key` is written with a null value.
        func isNull(_ key: String) -> Bool { node[key]?.isNull ?? false }
        func integer(_ value: Located<Int>?, _ key: String, default fallback: Int) -> Int? {
            if let value { return value.value }
            return isNull(key) ? nil : fallback
        }
        var integerDefaults: [String] = []
        let interval = spec.value.evaluationInterval
        let delay = spec.value.delayEvaluation
        var policy: EarlyTerminationPolicy
        switch spec.value {
        case .bandit(let factor, let amount, _, _):
            policy = EarlyTerminationPolicy(
                policyType: "Bandit", evaluationInterval: integer(interval, "evaluation_interval", default: 0),
                delayEvaluation: integer(delay, "delay_evaluation", default: 0))
            policy.slackFactor = factor?.value ?? (isNull("slack_factor") ? nil : 0)
            policy.slackAmount = amount?.value ?? (isNull("slack_amount") ? nil : 0)
            if factor == nil, !isNull("slack_factor") { integerDefaults.append("slackFactor") }
            if amount == nil, !isNull("slack_amount") { integerDefaults.append("slackAmount") }
        case .medianStopping:
            policy = EarlyTerminationPolicy(
                policyType: "MedianStopping", evaluationInterval: integer(interval, "evaluation_interval", default: 1),
                delayEvaluation: integer(delay, "delay_evaluation", default: 0))
        case .truncationSelection(let percentage, _, _):
            policy = EarlyTerminationPolicy(
                policyType: "TruncationSelection",
                evaluationInterval: integer(interval, "evaluation_interval", default: 0),
                delayEvaluation: integer(delay, "delay_evaluation", default: 0),
                truncationPercentage: percentage.value)
        }
        let defaults = integerDefaults
        let patch: (inout JSONObject) -> Void = { object in
            guard case .object(var termination)? = object["earlyTermination"] else { return }
            for key in defaults { termination[key] = .int(0) }
            object["earlyTermination"] = .object(termination)
        }
        return (policy, patch)
    }
}
