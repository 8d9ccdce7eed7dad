/// Whether a sweep looks for the smallest or the largest value of its primary metric.
public enum ObjectiveGoal: String, Sendable, Hashable, CaseIterable {
    /// Smaller is better.
    case minimize
    /// Larger is better.
    case maximize

    /// Whether `value` is strictly better than `other` under this goal.
    public func isBetter(_ value: Double, than other: Double) -> Bool {
        self == .minimize ? value < other : value > other
    }

    /// The better of two values.
    public func best(_ value: Double, _ other: Double) -> Double {
        isBetter(other, than: value) ? other : value
    }
}
