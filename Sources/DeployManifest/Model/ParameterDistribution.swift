/// One search-space parameter's distribution (`search_space.<name>`), or a nested one inside a choice.
public indirect enum ParameterDistribution: Sendable {
    /// `{type: choice, values: [...]}`; values may be mappings of nested parameters.
    case choice(values: [Located<ChoiceValue>])
    /// `{type: uniform, min_value, max_value}`.
    case uniform(min: Located<SweepNumber>, max: Located<SweepNumber>)
    /// `{type: loguniform, min_value, max_value}`: the bounds are exponents.
    case logUniform(min: Located<SweepNumber>, max: Located<SweepNumber>)
    /// `{type: quniform, min_value, max_value, q}`.
    case qUniform(min: Located<SweepNumber>, max: Located<SweepNumber>, q: Located<SweepNumber>)
    /// `{type: qloguniform, min_value, max_value, q}`.
    case qLogUniform(min: Located<SweepNumber>, max: Located<SweepNumber>, q: Located<SweepNumber>)
    /// `{type: normal, mu, sigma}`.
    case normal(mu: Located<SweepNumber>, sigma: Located<SweepNumber>)
    /// `{type: lognormal, mu, sigma}`.
    case logNormal(mu: Located<SweepNumber>, sigma: Located<SweepNumber>)
    /// `{type: qnormal, mu, sigma, q}`.
    case qNormal(mu: Located<SweepNumber>, sigma: Located<SweepNumber>, q: Located<SweepNumber>)
    /// `{type: qlognormal, mu, sigma, q}`.
    case qLogNormal(mu: Located<SweepNumber>, sigma: Located<SweepNumber>, q: Located<SweepNumber>)
    /// `{type: randint, upper}`.
    case randint(upper: Located<Int>)

    /// The distribution's `type`.
    public var kind: DistributionKind {
        switch self {
        case .choice: return .choice
        case .uniform: return .uniform
        case .logUniform: return .logUniform
        case .qUniform: return .qUniform
        case .qLogUniform: return .qLogUniform
        case .normal: return .normal
        case .logNormal: return .logNormal
        case .qNormal: return .qNormal
        case .qLogNormal: return .qLogNormal
        case .randint: return .randint
        }
    }
}
