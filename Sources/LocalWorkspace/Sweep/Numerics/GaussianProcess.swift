internal import Foundation

/// Gaussian-process regression with a Matérn 5/2 kernel, one length scale per input dimension (automatic relevance
/// determination), fitted by type-II maximum likelihood: a grid over a shared length scale and the noise level, then
/// coordinate-wise refinement of each dimension's length scale; the signal variance is profiled out in closed form.
///
/// Targets are standardized before fitting (mean 0, standard deviation 1) and predictions are on that scale.
struct GaussianProcess: Sendable {
    /// The shared length scales tried first, in units of the normalized [0, 1] space.
    static let lengthScales = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.5]
    /// The noise variances tried, relative to the signal variance.
    static let noiseRatios = [1e-6, 1e-4, 1e-3, 1e-2, 1e-1]
    /// The factors each dimension's length scale is multiplied by during refinement.
    static let refinementFactors = [0.25, 0.5, 2, 4]
    /// Refinement passes over the dimensions.
    static let refinementPasses = 2
    /// Length scales are kept within this range.
    static let lengthScaleRange = 0.01...20.0

    /// The training inputs.
    let inputs: [[Double]]
    /// The standardized targets.
    let targets: [Double]
    /// The chosen length scale of each input dimension.
    let lengthScales: [Double]
    /// The chosen noise variance relative to the signal variance.
    let noiseRatio: Double
    /// The maximum-likelihood signal variance for them.
    let signalVariance: Double
    /// The log marginal likelihood at the chosen hyperparameters.
    let logMarginalLikelihood: Double
    private let factor: CholeskyFactor
    private let weights: [Double]

    /// The model of `targets` (raw) at `inputs` with the most likely hyperparameters found; nil when there are no
    /// inputs or no kernel matrix tried can be factored.
    static func fit(inputs: [[Double]], targets: [Double]) -> GaussianProcess? {
        guard !inputs.isEmpty, inputs.count == targets.count else { return nil }
        let standardized = standardize(targets)
        let dimensions = inputs[0].count
        let differences = SquaredDifferences(inputs)
        func model(_ scales: [Double], _ noise: Double) -> GaussianProcess? {
            GaussianProcess(
                inputs: inputs, standardized: standardized, differences: differences, lengthScales: scales,
                noiseRatio: noise)
        }
        var best: GaussianProcess?
        func consider(_ candidate: GaussianProcess?) {
            guard let candidate else { return }
            if best.map({ candidate.logMarginalLikelihood > $0.logMarginalLikelihood }) ?? true { best = candidate }
        }
        for scale in lengthScales {
            for noise in noiseRatios { consider(model(Array(repeating: scale, count: dimensions), noise)) }
        }
        guard dimensions > 0 else { return best }
        for _ in 0..<refinementPasses {
            for dimension in 0..<dimensions {
                guard let current = best else { return nil }
                for multiplier in refinementFactors {
                    var scales = current.lengthScales
                    scales[dimension] *= multiplier
                    guard lengthScaleRange.contains(scales[dimension]) else { continue }
                    consider(model(scales, current.noiseRatio))
                }
            }
        }
        return best
    }

    /// The model with these hyperparameters and already standardized targets; nil when the kernel matrix cannot be
    /// factored.
    init?(inputs: [[Double]], standardized: [Double], lengthScales: [Double], noiseRatio: Double) {
        self.init(
            inputs: inputs, standardized: standardized, differences: SquaredDifferences(inputs),
            lengthScales: lengthScales, noiseRatio: noiseRatio)
    }

    private init?(
        inputs: [[Double]], standardized: [Double], differences: SquaredDifferences, lengthScales: [Double],
        noiseRatio: Double
    ) {
        let n = inputs.count
        let inverseSquares = lengthScales.map { 1 / ($0 * $0) }
        var matrix = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            matrix[i * n + i] = 1 + noiseRatio
            for j in 0..<i {
                let correlation = GaussianProcess.matern52(differences.scaledDistance(i, j, inverseSquares))
                matrix[i * n + j] = correlation
                matrix[j * n + i] = correlation
            }
        }
        guard let factor = CholeskyFactor(matrix, size: n) else { return nil }
        let weights = factor.solve(standardized)
        let fit = zip(standardized, weights).reduce(0) { $0 + $1.0 * $1.1 }
        // With K = s² (C + λI), the likelihood is maximal at s² = yᵀ(C + λI)⁻¹y / n.
        let signalVariance = max(fit / Double(n), 1e-12)
        self.inputs = inputs
        self.targets = standardized
        self.lengthScales = lengthScales
        self.noiseRatio = noiseRatio
        self.signalVariance = signalVariance
        self.factor = factor
        self.weights = weights
        logMarginalLikelihood =
            -0.5 * Double(n) * (1 + log(2 * Double.pi * signalVariance)) - 0.5 * factor.logDeterminant
    }

    /// The posterior mean and variance of the latent function at `x`, on the standardized scale.
    func predict(_ x: [Double]) -> (mean: Double, variance: Double) {
        let correlations = inputs.map { GaussianProcess.matern52(scaledDistance($0, x)) }
        let mean = zip(correlations, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let projected = factor.solveLower(correlations)
        let explained = projected.reduce(0) { $0 + $1 * $1 }
        return (mean, max(signalVariance * (1 - explained), 1e-12 * signalVariance))
    }

    /// The distance between `a` and `b` with each dimension divided by its length scale.
    func scaledDistance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for k in a.indices {
            let difference = (a[k] - b[k]) / lengthScales[k]
            sum += difference * difference
        }
        return sum.squareRoot()
    }

    /// The Matérn 5/2 correlation at scaled distance `r`: (1 + √5 r + 5r²/3) e^(−√5 r).
    static func matern52(_ r: Double) -> Double {
        let scaled = 5.0.squareRoot() * r
        return (1 + scaled + scaled * scaled / 3) * exp(-scaled)
    }

    /// Euclidean distance.
    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices {
            let difference = a[i] - b[i]
            sum += difference * difference
        }
        return sum.squareRoot()
    }

    /// `values` shifted and scaled to mean 0 and standard deviation 1 (only shifted when they are all equal).
    static func standardize(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = variance > 1e-24 ? variance.squareRoot() : 1
        return values.map { ($0 - mean) / deviation }
    }

    /// The squared per-dimension differences of every pair of inputs, computed once per fit.
    private struct SquaredDifferences {
        let dimensions: Int
        /// Pair (i, j) with j < i at `(i * (i - 1) / 2 + j) * dimensions`.
        let values: [Double]

        init(_ inputs: [[Double]]) {
            dimensions = inputs.first?.count ?? 0
            var values: [Double] = []
            values.reserveCapacity(inputs.count * (inputs.count - 1) / 2 * dimensions)
            for i in inputs.indices {
                for j in 0..<i {
                    for k in 0..<dimensions {
                        let difference = inputs[i][k] - inputs[j][k]
                        values.append(difference * difference)
                    }
                }
            }
            self.values = values
        }

        func scaledDistance(_ i: Int, _ j: Int, _ inverseSquares: [Double]) -> Double {
            let base = (i * (i - 1) / 2 + j) * dimensions
            var sum = 0.0
            for k in 0..<dimensions { sum += values[base + k] * inverseSquares[k] }
            return sum.squareRoot()
        }
    }
}
