/// A sweep's `earlyTermination`: which running trials to cancel because their primary metric lags behind.
///
/// Each value a trial logs for the primary metric is one interval (the first value is interval 1). A policy is
/// evaluated at the intervals that are multiples of `evaluationInterval` and at least `delayEvaluation`, as Azure ML
/// documents ("every multiple of evaluation_interval that is greater than or equal to delay_evaluation"). A running
/// trial is judged at the latest such interval it has reached, against the values of the other trials at that same
/// interval; trials that have finished still count as peers.
public struct TerminationPolicy: Sendable, Hashable {
    /// The rule a policy applies at each evaluation.
    public enum Rule: Sendable, Hashable {
        /// Cancel a trial whose value is outside the slack of the best value at the same interval.
        case bandit(BanditSlack)
        /// Cancel a trial whose best value so far is worse than the median of the other trials' running averages.
        case medianStopping
        /// Cancel the trials in the lowest `percentage` percent at the interval.
        case truncationSelection(percentage: Int)
    }

    /// How far behind the best value a bandit policy lets a trial be.
    public enum BanditSlack: Sendable, Hashable {
        /// A ratio: when maximizing, values below best / (1 + factor) are outside; when minimizing, values above
        /// best × (1 + factor). Both are taken relative to |best| so the rule keeps its direction for negative metrics.
        case factor(Double)
        /// An absolute margin: values more than `amount` worse than the best are outside.
        case amount(Double)
    }

    /// The rule.
    public let rule: Rule
    /// Evaluate at every multiple of this many intervals (at least 1).
    public let evaluationInterval: Int
    /// Never evaluate before this interval.
    public let delayEvaluation: Int

    /// A policy; `evaluationInterval` must be positive and `delayEvaluation` not negative.
    public init(rule: Rule, evaluationInterval: Int = 1, delayEvaluation: Int = 0) {
        precondition(evaluationInterval >= 1, "evaluationInterval must be positive")
        precondition(delayEvaluation >= 0, "delayEvaluation must not be negative")
        self.rule = rule
        self.evaluationInterval = evaluationInterval
        self.delayEvaluation = delayEvaluation
    }

    /// Whether the policy is evaluated at `interval` (1-based).
    public func isEvaluated(atInterval interval: Int) -> Bool {
        interval >= 1 && interval >= delayEvaluation && interval % evaluationInterval == 0
    }

    /// The latest interval up to `count` at which the policy is evaluated, if any.
    public func latestEvaluation(upTo count: Int) -> Int? {
        guard count >= 1 else { return nil }
        let latest = count - count % evaluationInterval
        return latest >= 1 && latest >= delayEvaluation ? latest : nil
    }
}
