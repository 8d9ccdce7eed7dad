internal import Foundation

/// The standard normal distribution's density, cumulative distribution and quantile function.
enum NormalDistribution {
    /// The density φ(x).
    static func pdf(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// The cumulative distribution Φ(x).
    static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The quantile Φ⁻¹(p) for p in (0, 1); ±infinity at 0 and 1.
    ///
    /// Acklam's rational approximation (relative error below 1.2e-9) polished by one Halley step on Φ, which brings
    /// it to about double precision.
    static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let lowTail = 0.02425
        var x: Double
        if p < lowTail {
            x = tail((-2 * log(p)).squareRoot())
        } else if p > 1 - lowTail {
            x = -tail((-2 * log(1 - p)).squareRoot())
        } else {
            let q = p - 0.5
            let r = q * q
            let numerator = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            let denominator = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
            x = numerator / denominator
        }
        // Halley's method on Φ(x) - p; the error term comes from erfc, accurate in both tails.
        let error = cdf(x) - p
        let step = error * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
        x -= step / (1 + 0.5 * x * step)
        return x
    }

    private static func tail(_ q: Double) -> Double {
        let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
        let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        return numerator / denominator
    }

    // Coefficients of Acklam's approximation (published constants).
    private static let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
    ]
    private static let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let d = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ]
}
