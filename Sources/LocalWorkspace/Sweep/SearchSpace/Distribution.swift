public import AzureML

/// Where a search-space parameter's values come from: the distributions Azure ML sweep jobs define.
///
/// The log variants draw `u` from the underlying uniform or normal distribution and return `base^u` (`e^u` unless
/// a random sampling algorithm sets `logbase`): `loguniform` bounds are exponents. The `q` variants return
/// `round(x / q) * q`, rounding halves to even as Python and NumPy do, and are doubles like every continuous value.
public enum Distribution: Sendable, Hashable {
    /// One of the options, each equally likely.
    case choice([ChoiceOption])
    /// A double uniform in `[min, max]`.
    case uniform(min: Double, max: Double)
    /// `base^u` with `u` uniform in `[min, max]`.
    case logUniform(min: Double, max: Double)
    /// A double from the normal distribution with mean `mu` and standard deviation `sigma`.
    case normal(mu: Double, sigma: Double)
    /// `base^x` with `x` normal with mean `mu` and standard deviation `sigma`.
    case logNormal(mu: Double, sigma: Double)
    /// `round(uniform(min, max) / q) * q`.
    case qUniform(min: Double, max: Double, q: Double)
    /// `round(loguniform(min, max) / q) * q`.
    case qLogUniform(min: Double, max: Double, q: Double)
    /// `round(normal(mu, sigma) / q) * q`.
    case qNormal(mu: Double, sigma: Double, q: Double)
    /// `round(lognormal(mu, sigma) / q) * q`.
    case qLogNormal(mu: Double, sigma: Double, q: Double)
    /// An integer uniform in `[0, upper)`.
    case randint(upper: Int)
    /// Always this value: a member of a `choice` dictionary that is not a distribution (never top-level on the wire).
    case fixed(JSONValue)

    /// The wire name of the distribution (`choice`, `uniform`, `qloguniform`, ...); `fixed` for literals.
    public var typeName: String {
        switch self {
        case .choice: "choice"
        case .uniform: "uniform"
        case .logUniform: "loguniform"
        case .normal: "normal"
        case .logNormal: "lognormal"
        case .qUniform: "quniform"
        case .qLogUniform: "qloguniform"
        case .qNormal: "qnormal"
        case .qLogNormal: "qlognormal"
        case .randint: "randint"
        case .fixed: "fixed"
        }
    }

    /// Whether values are doubles drawn from a continuous distribution (possibly quantized): the dimensions a Sobol
    /// sequence drives.
    public var isContinuous: Bool {
        switch self {
        case .uniform, .logUniform, .normal, .logNormal, .qUniform, .qLogUniform, .qNormal, .qLogNormal: true
        case .choice, .randint, .fixed: false
        }
    }
}
