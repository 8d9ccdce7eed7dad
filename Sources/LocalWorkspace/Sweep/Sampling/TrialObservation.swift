/// What the scheduler knows about one trial a sampler suggested: its values and how it is doing.
public struct TrialObservation: Sendable, Hashable {
    /// How far a trial has come, from the sampler's point of view.
    public enum Outcome: Sendable, Hashable {
        /// Queued or running, with no final value yet.
        case running
        /// Ended (completed, or canceled by early termination) with this last value of the primary metric.
        case observed(Double)
        /// Ended without a value of the primary metric (failed, or never logged it).
        case missing
    }

    /// The values the trial ran with.
    public let assignment: ParameterAssignment
    /// Its state.
    public let outcome: Outcome

    /// An observation.
    public init(_ assignment: ParameterAssignment, _ outcome: Outcome) {
        self.assignment = assignment
        self.outcome = outcome
    }
}
