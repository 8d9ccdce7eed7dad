/// A sweep's `early_termination` policy, by its `type`. Null numbers (allowed by the SDK) are `nil`.
public enum EarlyTerminationSpec: Sendable {
    /// `type: bandit`.
    case bandit(
        slackFactor: Located<Double>?, slackAmount: Located<Double>?, evaluationInterval: Located<Int>?,
        delayEvaluation: Located<Int>?)
    /// `type: median_stopping`.
    case medianStopping(evaluationInterval: Located<Int>?, delayEvaluation: Located<Int>?)
    /// `type: truncation_selection`.
    case truncationSelection(
        truncationPercentage: Located<Int>, evaluationInterval: Located<Int>?, delayEvaluation: Located<Int>?)

    /// The `type` spelling: `bandit`, `median_stopping`, `truncation_selection`.
    public var typeName: String {
        switch self {
        case .bandit: return "bandit"
        case .medianStopping: return "median_stopping"
        case .truncationSelection: return "truncation_selection"
        }
    }

    /// `evaluation_interval`, whatever the policy.
    public var evaluationInterval: Located<Int>? {
        switch self {
        case .bandit(_, _, let interval, _), .medianStopping(let interval, _),
            .truncationSelection(_, let interval, _):
            return interval
        }
    }

    /// `delay_evaluation`, whatever the policy.
    public var delayEvaluation: Located<Int>? {
        switch self {
        case .bandit(_, _, _, let delay), .medianStopping(_, let delay), .truncationSelection(_, _, let delay):
            return delay
        }
    }
}
