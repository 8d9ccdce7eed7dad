/// A sweep's `limits`.
public struct SweepLimits: Sendable {
    /// `max_total_trials` (required).
    public var maxTotalTrials: Located<Int>
    /// `max_concurrent_trials`.
    public var maxConcurrentTrials: Located<Int>?
    /// `timeout` in seconds for the whole sweep.
    public var timeout: Located<Int>?
    /// `trial_timeout` in seconds for each trial.
    public var trialTimeout: Located<Int>?

    /// Limits with every field given.
    public init(
        maxTotalTrials: Located<Int>, maxConcurrentTrials: Located<Int>? = nil, timeout: Located<Int>? = nil,
        trialTimeout: Located<Int>? = nil
    ) {
        self.maxTotalTrials = maxTotalTrials
        self.maxConcurrentTrials = maxConcurrentTrials
        self.timeout = timeout
        self.trialTimeout = trialTimeout
    }
}
