internal import Foundation

/// Bayesian optimization: a Gaussian process (`GaussianProcess`: Matérn 5/2, one length scale per feature) over the
/// normalized search space (`SearchSpaceLayout`: [0, 1] per continuous distribution, one-hot per choice), and the
/// candidate with the largest expected improvement as the next trial.
///
/// The first `initialTrials` suggestions (and any made while fewer than two trials have a value) are random. The
/// model is fitted to the log-warped values (see `logWarp`), negated when maximizing. Trials still running are given
/// the best value seen so far (a "constant liar"), so the model treats their neighbourhood as explored and concurrent
/// suggestions spread out instead of piling onto the same optimum. Trials that ended without a value are left out.
/// Expected improvement is maximized over random candidates and perturbations of the best trials so far, the best
/// few of them then polished by a local search with shrinking steps.
struct BayesianOptimizer: Sendable {
    /// Random candidates scored per suggestion.
    static let randomCandidates = 256
    /// How many of the best trials are perturbed into local candidates.
    static let localCenters = 3
    /// Local candidates per perturbed trial.
    static let localCandidates = 32
    /// The standard deviations of local perturbations of a continuous coordinate, one drawn per candidate.
    static let localSpreads = [0.01, 0.04, 0.12]
    /// How many of the best-scoring candidates are polished by local search.
    static let polishedCandidates = 4
    /// Rounds of polishing, each halving the step.
    static let polishRounds = 3
    /// Tries per candidate and round.
    static let polishSteps = 8
    /// The first round's step (standard deviation in the normalized space).
    static let polishSpread = 0.05
    /// The chance that a local perturbation redraws a discrete coordinate.
    static let localRedraw = 0.2
    /// The improvement margin ξ (standardized units) that keeps some exploration going.
    static let exploration = 0.01

    /// The layout of the search space.
    let layout: SearchSpaceLayout
    /// Minimize or maximize.
    let goal: ObjectiveGoal
    /// Random suggestions before the model takes over: max(2, distributions + 1).
    let initialTrials: Int

    /// An optimizer over `layout`.
    init(layout: SearchSpaceLayout, goal: ObjectiveGoal) {
        self.layout = layout
        self.goal = goal
        initialTrials = max(2, layout.slots.count + 1)
    }

    /// The latent vector of the next suggestion given every trial suggested so far; nil while the initial trials
    /// are being chosen, or when no model can be fitted (the sampler then draws a random one).
    func suggest(history: [TrialObservation], random: inout Xoshiro256StarStar) -> [Double]? {
        var observed: [(latent: [Double], value: Double)] = []
        var pending: [[Double]] = []
        for trial in history {
            switch trial.outcome {
            case .observed(let value) where value.isFinite:
                // Minimize internally.
                observed.append((layout.latent(of: trial.assignment, logBase: nil), goal == .maximize ? -value : value))
            case .running:
                pending.append(layout.latent(of: trial.assignment, logBase: nil))
            case .observed, .missing:
                continue
            }
        }
        guard history.count >= initialTrials, observed.count >= 2 else { return nil }
        let lie = observed.map(\.value).min()!
        let latents = observed.map(\.latent) + pending
        let inputs = latents.map { layout.features($0, logBase: nil) }
        let targets = BayesianOptimizer.logWarp(observed.map(\.value) + pending.map { _ in lie })
        guard let model = GaussianProcess.fit(inputs: inputs, targets: targets) else { return nil }
        let incumbent = model.targets.min()!

        func score(_ latent: [Double]) -> Double {
            let (mean, variance) = model.predict(layout.features(latent, logBase: nil))
            return BayesianOptimizer.expectedImprovement(
                mean: mean, deviation: variance.squareRoot(), incumbent: incumbent)
        }
        var scored: [(latent: [Double], score: Double)] = []
        for _ in 0..<BayesianOptimizer.randomCandidates {
            let latent = layout.randomLatent(&random)
            scored.append((latent, score(latent)))
        }
        let centers = observed.sorted { $0.value < $1.value }.prefix(BayesianOptimizer.localCenters)
        for center in centers {
            for _ in 0..<BayesianOptimizer.localCandidates {
                let spread = BayesianOptimizer.localSpreads[random.nextInt(below: BayesianOptimizer.localSpreads.count)]
                let latent = perturb(center.latent, spread: spread, &random)
                scored.append((latent, score(latent)))
            }
        }
        // Polish the most promising candidates with ever smaller steps.
        var leaders = Array(scored.sorted { $0.score > $1.score }.prefix(BayesianOptimizer.polishedCandidates))
        for round in 0..<BayesianOptimizer.polishRounds {
            let spread = BayesianOptimizer.polishSpread / Double(1 << round)
            for index in leaders.indices {
                for _ in 0..<BayesianOptimizer.polishSteps {
                    let latent = perturb(leaders[index].latent, spread: spread, &random)
                    let value = score(latent)
                    if value > leaders[index].score { leaders[index] = (latent, value) }
                }
            }
        }
        return leaders.max { $0.score < $1.score }!.latent
    }

    /// log(y - min + 1% of the range): a monotone warp (for minimization) that stretches differences among the good
    /// values and compresses the bad ones, so a few poor trials do not make the model explore their corner; it
    /// markedly improves the results on Branin, whose values span three orders of magnitude.
    static func logWarp(_ values: [Double]) -> [Double] {
        let low = values.min()!
        let high = values.max()!
        let offset = max((high - low) * 0.01, 1e-12)
        return values.map { Foundation.log($0 - low + offset) }
    }

    /// E[max(incumbent - ξ - f, 0)] for f ~ N(mean, deviation²): the expected improvement when minimizing.
    static func expectedImprovement(mean: Double, deviation: Double, incumbent: Double) -> Double {
        let improvement = incumbent - exploration - mean
        guard deviation > 0 else { return max(improvement, 0) }
        let z = improvement / deviation
        return improvement * NormalDistribution.cdf(z) + deviation * NormalDistribution.pdf(z)
    }

    /// A neighbour of `latent`: continuous coordinates nudged (reflected into (0, 1)), discrete ones sometimes
    /// redrawn; coordinates the trial did not use are drawn afresh.
    private func perturb(_ latent: [Double], spread: Double, _ random: inout Xoshiro256StarStar) -> [Double] {
        var result = latent
        for (index, slot) in layout.slots.enumerated() {
            switch slot {
            case .continuous:
                guard latent[index] >= 0 else {
                    result[index] = random.nextUnit()
                    continue
                }
                var unit = latent[index] + spread * random.nextGaussian()
                if unit < 0 { unit = -unit }
                if unit > 1 { unit = 2 - unit }
                result[index] = min(max(unit, 1e-9), 1 - 1e-9)
            case .discrete(let count):
                if latent[index] < 0 || random.nextUnit() < BayesianOptimizer.localRedraw {
                    result[index] = Double(random.nextInt(below: count))
                }
            }
        }
        return result
    }
}
