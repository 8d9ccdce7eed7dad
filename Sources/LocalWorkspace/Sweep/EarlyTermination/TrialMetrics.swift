/// One trial's values of the primary metric, as an early-termination policy sees them.
public struct TrialMetrics: Sendable, Hashable {
    /// The trial's name, e.g. `sweep_3`.
    public let trial: String
    /// The values it logged, in order: value `i` is interval `i + 1`.
    public let values: [Double]
    /// Whether it is still running (only running trials are terminated; finished ones are peers).
    public let isRunning: Bool

    /// A trial's metric history.
    public init(trial: String, values: [Double], isRunning: Bool = true) {
        self.trial = trial
        self.values = values
        self.isRunning = isRunning
    }
}
