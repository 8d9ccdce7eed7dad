public import AzureML

/// How a sweep chooses each trial's parameter values (`properties.samplingAlgorithm`).
public enum SamplingStrategy: Sendable, Hashable {
    /// Independent draws from every distribution; with `rule: .sobol`, the continuous dimensions follow a Sobol
    /// sequence. `seed` nil means the sampler picks one; `logBase` nil means e.
    case random(rule: RandomRule, seed: Int?, logBase: Double?)
    /// Every combination of `choice` values, each once.
    case grid
    /// Gaussian-process regression with expected improvement, after a few random trials.
    case bayesian

    /// The `rule` of random sampling.
    public enum RandomRule: String, Sendable, Hashable {
        /// Pseudo-random draws.
        case random
        /// A digitally shifted Sobol sequence over the continuous dimensions.
        case sobol
    }

    /// The wire discriminator: `Random`, `Grid` or `Bayesian`.
    public var typeName: String {
        switch self {
        case .random: "Random"
        case .grid: "Grid"
        case .bayesian: "Bayesian"
        }
    }

    /// Parses `{"samplingAlgorithmType": "Random", "rule": "sobol", "seed": 42, "logbase": "e"}`, `{...: "Grid"}` or
    /// `{...: "Bayesian"}`; the type and rule in any case, as the service accepts the SDK's lowercase values.
    public init(wire value: JSONValue, path: String = "samplingAlgorithm") throws(LocalWorkspaceError) {
        guard case .object(let object) = value else {
            throw .invalidSweep("expected an object, found \(value.typeName)", field: path)
        }
        guard case .string(let type)? = object["samplingAlgorithmType"] else {
            throw .invalidSweep("expected 'Random', 'Grid' or 'Bayesian'", field: "\(path).samplingAlgorithmType")
        }
        switch type.lowercased() {
        case "grid": self = .grid
        case "bayesian": self = .bayesian
        case "random":
            var rule = RandomRule.random
            if let value = object["rule"], !value.isNull {
                guard case .string(let text) = value, let parsed = RandomRule(rawValue: text.lowercased()) else {
                    throw .invalidSweep(
                        "expected 'random' or 'sobol', found \(value.serialized(.compact))", field: "\(path).rule")
                }
                rule = parsed
            }
            var seed: Int?
            if let value = object["seed"], !value.isNull {
                guard case .int(let number) = value else {
                    throw .invalidSweep(
                        "expected an integer, found \(value.serialized(.compact))", field: "\(path).seed")
                }
                seed = number
            }
            let logBase = try SamplingStrategy.logBase(object["logbase"], path: "\(path).logbase")
            self = .random(rule: rule, seed: seed, logBase: logBase)
        default:
            throw .invalidSweep(
                "expected 'Random', 'Grid' or 'Bayesian', found '\(type)'", field: "\(path).samplingAlgorithmType")
        }
    }

    /// `logbase`: a positive number other than 1, or a string holding one or `e`; nil (e) when absent.
    private static func logBase(_ value: JSONValue?, path: String) throws(LocalWorkspaceError) -> Double? {
        guard let value, !value.isNull else { return nil }
        let number: Double?
        switch value {
        case .string(let text) where text.lowercased() == "e": return nil
        case .string(let text): number = Double(text)
        default: number = value.doubleValue
        }
        guard let number, number.isFinite, number > 0, number != 1 else {
            throw .invalidSweep(
                "expected a positive number other than 1 or \"e\", found \(value.serialized(.compact))", field: path)
        }
        return number
    }

    /// Checks what Azure ML checks when a sweep is validated: grid sampling takes only `choice` distributions,
    /// Bayesian sampling only `choice`, `uniform` and `quniform` and no early-termination policy. `path` is the
    /// search space's JSON path, for errors.
    public func validate(
        _ space: SearchSpace, earlyTermination: TerminationPolicy? = nil, path: String = "searchSpace"
    ) throws(LocalWorkspaceError) {
        switch self {
        case .random: return
        case .grid:
            try SamplingStrategy.check(space, path: path, allowed: ["choice"], algorithm: "grid sampling")
        case .bayesian:
            if earlyTermination != nil {
                throw .invalidSweep(
                    "Bayesian sampling does not support early termination policies", field: "earlyTermination")
            }
            try SamplingStrategy.check(
                space, path: path, allowed: ["choice", "uniform", "quniform"], algorithm: "Bayesian sampling")
        }
    }

    private static func check(_ space: SearchSpace, path: String, allowed: Set<String>, algorithm: String)
        throws(LocalWorkspaceError)
    {
        for parameter in space.parameters {
            let field = "\(path).\(parameter.name)"
            switch parameter.distribution {
            case .fixed: continue
            case .choice(let options):
                for (index, option) in options.enumerated() {
                    guard case .dictionary(let nested) = option else { continue }
                    try check(nested, path: "\(field).values[\(index)]", allowed: allowed, algorithm: algorithm)
                }
            case let distribution where !allowed.contains(distribution.typeName):
                let list = allowed.sorted().joined(separator: ", ")
                throw .invalidSweep(
                    "\(algorithm) supports only \(list) distributions, found \(distribution.typeName)", field: field)
            default: continue
            }
        }
    }
}
