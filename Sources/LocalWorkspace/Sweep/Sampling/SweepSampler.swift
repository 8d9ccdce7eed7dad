/// Chooses the parameter values of a sweep's trials, one trial at a time: what the sweep scheduler drives.
///
/// Every draw comes from a xoshiro256** generator seeded with `seed` (never the system generator), so the same search
/// space, algorithm, seed and sequence of histories give the same suggestions run after run. (Across platforms, only
/// the last bits of `exp` and `log` in the C library may differ.)
///
/// - `random`: independent draws from each distribution. With `rule: sobol`, the continuous distributions (uniform,
///   normal, their log and `q` variants) take their cumulative probabilities from a Sobol sequence with one dimension
///   per distribution (nested ones included), digitally shifted by a random XOR drawn from the seed: still a
///   (t, s)-sequence, evenly spread, but varying with the seed and never at the origin. `choice` and `randint` are
///   drawn pseudo-randomly.
/// - `grid`: every combination of `choice` values once, first parameter slowest; then `nil`.
/// - `bayesian`: see `BayesianOptimizer`.
public struct SweepSampler: Sendable {
    /// The search space.
    public let space: SearchSpace
    /// The sampling algorithm.
    public let algorithm: SamplingStrategy
    /// The objective's direction (used by Bayesian sampling).
    public let goal: ObjectiveGoal
    /// The seed every draw derives from: the algorithm's, else the one passed in, else one picked at random; record
    /// it to reproduce the sweep.
    public let seed: Int
    /// How many suggestions have been made.
    public private(set) var suggestedCount = 0

    private let layout: SearchSpaceLayout
    private var random: Xoshiro256StarStar
    private var engine: Engine

    private enum Engine: Sendable {
        case random(logBase: Double?)
        case sobol(ShiftedSobolDesign, logBase: Double?)
        case grid(GridEnumeration)
        case bayesian(BayesianOptimizer)
    }

    /// A sampler for `space`; throws when the algorithm does not accept the space (see `SamplingStrategy.validate`)
    /// or a Sobol sequence would need more than `SobolSequence.maximumDimensions` dimensions.
    ///
    /// `seed` is used when the algorithm names none (Bayesian and grid never do); nil picks one at random.
    public init(space: SearchSpace, algorithm: SamplingStrategy, goal: ObjectiveGoal, seed: Int? = nil)
        throws(LocalWorkspaceError)
    {
        try algorithm.validate(space)
        var algorithmSeed: Int?
        if case .random(_, let seed, _) = algorithm { algorithmSeed = seed }
        let seed = algorithmSeed ?? seed ?? Int.random(in: 0..<Int(Int32.max))
        self.space = space
        self.algorithm = algorithm
        self.goal = goal
        self.seed = seed
        layout = SearchSpaceLayout(space)
        var random = Xoshiro256StarStar(seed: UInt64(bitPattern: Int64(seed)))
        switch algorithm {
        case .random(.random, _, let logBase):
            engine = .random(logBase: logBase)
        case .random(.sobol, _, let logBase):
            let slots = layout.continuousSlots
            guard slots.count <= SobolSequence.maximumDimensions else {
                throw .invalidSweep(
                    "Sobol sampling supports at most \(SobolSequence.maximumDimensions) continuous distributions, "
                        + "found \(slots.count)",
                    field: "samplingAlgorithm.rule")
            }
            if let design = ShiftedSobolDesign(slots: slots, random: &random) {
                engine = .sobol(design, logBase: logBase)
            } else {
                engine = .random(logBase: logBase)
            }
        case .grid:
            engine = .grid(GridEnumeration(space))
        case .bayesian:
            engine = .bayesian(BayesianOptimizer(layout: layout, goal: goal))
        }
        self.random = random
    }

    /// The number of distinct points grid sampling has (`Int.max` if it overflows); nil for the other algorithms,
    /// which never run out.
    public var gridSize: Int? {
        if case .grid(let grid) = engine { return grid.count }
        return nil
    }

    /// The next trial's values, or nil when the grid is exhausted.
    ///
    /// `history` holds every trial suggested so far with its current outcome, running ones included; only Bayesian
    /// sampling reads it.
    public mutating func next(history: [TrialObservation] = []) -> ParameterAssignment? {
        let assignment: ParameterAssignment
        switch engine {
        case .random(let logBase):
            assignment = layout.assignment(layout.randomLatent(&random), logBase: logBase)
        case .sobol(var design, let logBase):
            var latent = layout.randomLatent(&random)
            design.fill(&latent)
            engine = .sobol(design, logBase: logBase)
            assignment = layout.assignment(latent, logBase: logBase)
        case .grid(let grid):
            guard suggestedCount < grid.count else { return nil }
            assignment = grid.point(suggestedCount)
        case .bayesian(let optimizer):
            // Until the model takes over, the trials are random.
            let latent = optimizer.suggest(history: history, random: &random) ?? layout.randomLatent(&random)
            assignment = layout.assignment(latent, logBase: nil)
        }
        suggestedCount += 1
        return assignment
    }
}
