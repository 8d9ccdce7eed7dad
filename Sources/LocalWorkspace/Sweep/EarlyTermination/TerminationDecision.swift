/// A policy's decision to cancel a running trial.
public struct TerminationDecision: Sendable, Hashable {
    /// The trial to cancel.
    public let trial: String
    /// The interval at which it was judged.
    public let interval: Int
    /// Why, in a sentence fit for the trial's status message.
    public let reason: String

    /// A decision.
    public init(trial: String, interval: Int, reason: String) {
        self.trial = trial
        self.interval = interval
        self.reason = reason
    }
}
