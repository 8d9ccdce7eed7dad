internal import Foundation

/// Gaussian-process regression with a Matérn 5/2 kernel of one length scale, fitted by type-II maximum likelihood
/// over a small grid of length scales and noise levels, the signal variance profiled out in closed form.
///
/// Targets are standardized before fitting (mean 0, standard deviation 1) and predictions are on that scale.
struct GaussianProcess: Sendable {
    /// The length scales tried, in units of the normalized [0, 1] space.
    static let lengthScales = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.5]
    /// The noise variances tried, relative to the signal variance.
    static let noiseRatios = [1e-6, 1e-4, 1e-3, 1e-2, 1e-1]

    /// The training inputs.
    let inputs: [[Double]]
    /// The standardized targets.
    let targets: [Double]
    /// The chosen length scale.
    let lengthScale: Double
    /// The chosen noise variance relative to the signal variance.
    let noiseRatio: Double
    /// The maximum-likelihood signal variance for them.
    let signalVariance: Double
    /// The log marginal likelihood at the chosen hyperparameters.
    let logMarginalLikelihood: Double
    private let factor: CholeskyFactor
    private let weights: [Double]

    /// The model of `targets` (raw) at `inputs` with the most likely hyperparameters of the grid; nil when there are
    /// no inputs or no kernel matrix of the grid can be factored.
    static func fit(inputs: [[Double]], targets: [Double]) -> GaussianProcess? {
        guard !inputs.isEmpty, inputs.count == targets.count else { return nil }
        let standardized = standardize(targets)
        let distances = pairwiseDistances(inputs)
        var best: GaussianProcess?
        for lengthScale in lengthScales {
            for noiseRatio in noiseRatios {
                guard
                    let model = GaussianProcess(
                        inputs: inputs, standardized: standardized, distances: distances,
                        lengthScale: lengthScale, noiseRatio: noiseRatio)
                else { continue }
                if best.map({ model.logMarginalLikelihood > $0.logMarginalLikelihood }) ?? true { best = model }
            }
        }
        return best
    }

    /// The model with these hyperparameters; nil when the kernel matrix cannot be factored.
    init?(inputs: [[Double]], standardized: [Double], lengthScale: Double, noiseRatio: Double) {
        self.init(
            inputs: inputs, standardized: standardized, distances: GaussianProcess.pairwiseDistances(inputs),
            lengthScale: lengthScale, noiseRatio: noiseRatio)
    }

    private init?(
        inputs: [[Double]], standardized: [Double], distances: [Double], lengthScale: Double, noiseRatio: Double
    ) {
        let n = inputs.count
        var matrix = distances.map { GaussianProcess.matern52($0, lengthScale: lengthScale) }
        for i in 0..<n { matrix[i * n + i] += noiseRatio }
        guard let factor = CholeskyFactor(matrix, size: n) else { return nil }
        let weights = factor.solve(standardized)
        let fit = zip(standardized, weights).reduce(0) { $0 + $1.0 * $1.1 }
        // With K = s² (C + λI), the likelihood is maximal at s² = yᵀ(C + λI)⁻¹y / n.
        let signalVariance = max(fit / Double(n), 1e-12)
        self.inputs = inputs
        self.targets = standardized
        self.lengthScale = lengthScale
        self.noiseRatio = noiseRatio
        self.signalVariance = signalVariance
        self.factor = factor
        self.weights = weights
        logMarginalLikelihood =
            -0.5 * Double(n) * (1 + log(2 * Double.pi * signalVariance)) - 0.5 * factor.logDeterminant
    }

    /// The posterior mean and variance of the latent function at `x`, on the standardized scale.
    func predict(_ x: [Double]) -> (mean: Double, variance: Double) {
        let correlations = inputs.map {
            GaussianProcess.matern52(GaussianProcess.distance($0, x), lengthScale: lengthScale)
        }
        let mean = zip(correlations, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let projected = factor.solveLower(correlations)
        let explained = projected.reduce(0) { $0 + $1 * $1 }
        return (mean, max(signalVariance * (1 - explained), 1e-12 * signalVariance))
    }

    /// The Matérn 5/2 correlation at distance `r`: (1 + √5 r/ℓ + 5r²/3ℓ²) e^(−√5 r/ℓ).
    static func matern52(_ r: Double, lengthScale: Double) -> Double {
        let scaled = 5.0.squareRoot() * r / lengthScale
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

    private static func pairwiseDistances(_ inputs: [[Double]]) -> [Double] {
        let n = inputs.count
        var distances = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0..<i {
                let d = distance(inputs[i], inputs[j])
                distances[i * n + j] = d
                distances[j * n + i] = d
            }
        }
        return distances
    }
}
