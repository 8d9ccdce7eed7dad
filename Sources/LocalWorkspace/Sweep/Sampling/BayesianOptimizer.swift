/// Bayesian optimization: a Gaussian process over the normalized search space, and the candidate with the largest
/// expected improvement as the next trial.
///
/// The first `initialTrials` suggestions (and any made while fewer than two trials have a value) are random. Trials
/// still running are given the best value seen so far (a "constant liar"), so the model treats their neighbourhood
/// as explored and concurrent suggestions spread out instead of piling onto the same optimum. Trials that ended
/// without a value are left out. Expected improvement is maximized over random candidates plus perturbations of the
/// best trials so far.
struct BayesianOptimizer: Sendable {
    /// Random candidates scored per suggestion.
    static let randomCandidates = 256
    /// How many of the best trials are perturbed into local candidates.
    static let localCenters = 3
    /// Local candidates per perturbed trial.
    static let localCandidates = 32
    /// The standard deviation of a local perturbation of a continuous coordinate.
    static let localSpread = 0.08
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

    /// The latent vector of the next suggestion given every trial suggested so far.
    func suggest(history: [TrialObservation], random: inout Xoshiro256StarStar) -> [Double] {
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
        guard history.count >= initialTrials, observed.count >= 2 else { return layout.randomLatent(&random) }
        let lie = observed.map(\.value).min()!
        let latents = observed.map(\.latent) + pending
        let inputs = latents.map { layout.features($0, logBase: nil) }
        let targets = observed.map(\.value) + pending.map { _ in lie }
        guard let model = GaussianProcess.fit(inputs: inputs, targets: targets) else {
            return layout.randomLatent(&random)
        }
        let incumbent = model.targets.min()!

        var candidates: [[Double]] = []
        candidates.reserveCapacity(
            BayesianOptimizer.randomCandidates + BayesianOptimizer.localCenters * BayesianOptimizer.localCandidates)
        for _ in 0..<BayesianOptimizer.randomCandidates { candidates.append(layout.randomLatent(&random)) }
        let centers = observed.sorted { $0.value < $1.value }.prefix(BayesianOptimizer.localCenters)
        for center in centers {
            for _ in 0..<BayesianOptimizer.localCandidates { candidates.append(perturb(center.latent, &random)) }
        }

        var best = candidates[0]
        var bestScore = -Double.infinity
        for candidate in candidates {
            let (mean, variance) = model.predict(layout.features(candidate, logBase: nil))
            let score = BayesianOptimizer.expectedImprovement(
                mean: mean, deviation: variance.squareRoot(), incumbent: incumbent)
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        return best
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
    private func perturb(_ latent: [Double], _ random: inout Xoshiro256StarStar) -> [Double] {
        var result = latent
        for (index, slot) in layout.slots.enumerated() {
            switch slot {
            case .continuous:
                guard latent[index] >= 0 else {
                    result[index] = random.nextUnit()
                    continue
                }
                var unit = latent[index] + BayesianOptimizer.localSpread * random.nextGaussian()
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
