import DeployYAML

/// Azure ML's documented restrictions on sampling algorithms: grid sampling takes only `choice`; Bayesian
/// sampling takes only `choice`, `uniform` and `quniform`, and no early termination.
extension LoadContext {
    /// Checks the search space (nested distributions included) and the early-termination policy against the
    /// sampling algorithm.
    func checkSampling(
        _ sampling: Located<SamplingSpec>, space: KeyedList<Located<ParameterDistribution>>, earlyTermination: Node?
    ) {
        let algorithm = sampling.value.type.value
        let allowed: [DistributionKind]
        let phrase: String
        switch algorithm {
        case .random: return
        case .grid:
            allowed = [.choice]
            phrase = "grid sampling supports only choice"
        case .bayesian:
            allowed = [.choice, .uniform, .qUniform]
            phrase = "bayesian sampling supports only choice, uniform and quniform"
        }
        for entry in space {
            check(entry.value, path: "search_space.\(entry.key.value)", allowed: allowed, phrase: phrase)
        }
        if algorithm == .bayesian, let earlyTermination {
            error(
                "early_termination: bayesian sampling does not support early termination; remove it or use random "
                    + "sampling", at: earlyTermination)
        }
    }

    private func check(
        _ distribution: Located<ParameterDistribution>, path: String, allowed: [DistributionKind], phrase: String
    ) {
        let kind = distribution.value.kind
        if !allowed.contains(kind) {
            error("\(path): \(phrase), found \(kind.rawValue)", at: distribution.node["type"] ?? distribution.node)
        }
        guard case .choice(let values) = distribution.value else { return }
        for (index, value) in values.enumerated() {
            guard case .parameters(let parameters) = value.value else { continue }
            for parameter in parameters {
                guard case .distribution(let nested) = parameter.value.value else { continue }
                check(
                    Located(nested, node: parameter.value.node),
                    path: "\(path).values[\(index)].\(parameter.key.value)", allowed: allowed, phrase: phrase)
            }
        }
    }
}
