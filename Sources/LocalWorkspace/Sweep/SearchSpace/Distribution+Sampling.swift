internal import Foundation

extension Distribution {
    /// The value of a continuous distribution at `unit`, a probability in (0, 1): the inverse of its cumulative
    /// distribution, then the log base and the quantization applied. `logBase` nil means e.
    func continuousValue(unit: Double, logBase: Double?) -> Double {
        switch self {
        case .uniform(let min, let max): return Distribution.lerp(min, max, unit)
        case .logUniform(let min, let max): return Distribution.power(logBase, Distribution.lerp(min, max, unit))
        case .normal(let mu, let sigma): return mu + sigma * NormalDistribution.quantile(unit)
        case .logNormal(let mu, let sigma):
            return Distribution.power(logBase, mu + sigma * NormalDistribution.quantile(unit))
        case .qUniform(let min, let max, let q): return Distribution.quantize(Distribution.lerp(min, max, unit), q)
        case .qLogUniform(let min, let max, let q):
            return Distribution.quantize(Distribution.power(logBase, Distribution.lerp(min, max, unit)), q)
        case .qNormal(let mu, let sigma, let q):
            return Distribution.quantize(mu + sigma * NormalDistribution.quantile(unit), q)
        case .qLogNormal(let mu, let sigma, let q):
            return Distribution.quantize(Distribution.power(logBase, mu + sigma * NormalDistribution.quantile(unit)), q)
        case .choice, .randint, .fixed:
            preconditionFailure("\(typeName) is not continuous")
        }
    }

    /// Where `value` sits in a continuous distribution, as its cumulative probability in [0, 1]: the coordinate a
    /// Gaussian process sees, so log distributions are compared on their log scale.
    func unit(of value: Double, logBase: Double?) -> Double {
        let result: Double
        switch self {
        case .uniform(let min, let max), .qUniform(let min, let max, _):
            result = (value - min) / (max - min)
        case .logUniform(let min, let max), .qLogUniform(let min, let max, _):
            guard value > 0 else { return 0 }
            result = (Distribution.logarithm(logBase, value) - min) / (max - min)
        case .normal(let mu, let sigma), .qNormal(let mu, let sigma, _):
            result = NormalDistribution.cdf((value - mu) / sigma)
        case .logNormal(let mu, let sigma), .qLogNormal(let mu, let sigma, _):
            guard value > 0 else { return 0 }
            result = NormalDistribution.cdf((Distribution.logarithm(logBase, value) - mu) / sigma)
        case .choice, .randint, .fixed:
            preconditionFailure("\(typeName) is not continuous")
        }
        return Swift.min(1, Swift.max(0, result))
    }

    /// `round(x / q) * q` with Python's rounding of halves to even.
    static func quantize(_ x: Double, _ q: Double) -> Double {
        (x / q).rounded(.toNearestOrEven) * q
    }

    private static func lerp(_ min: Double, _ max: Double, _ unit: Double) -> Double {
        Swift.min(max, min + (max - min) * unit)
    }

    private static func power(_ base: Double?, _ exponent: Double) -> Double {
        guard let base else { return exp(exponent) }
        return pow(base, exponent)
    }

    private static func logarithm(_ base: Double?, _ value: Double) -> Double {
        guard let base else { return log(value) }
        return log(value) / log(base)
    }
}
