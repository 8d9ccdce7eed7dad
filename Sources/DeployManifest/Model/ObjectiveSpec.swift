/// A sweep's `objective`.
public struct ObjectiveSpec: Sendable {
    /// `goal`.
    public var goal: Located<Goal>
    /// `primary_metric`: the metric name the trials log.
    public var primaryMetric: Located<String>

    /// An objective.
    public init(goal: Located<Goal>, primaryMetric: Located<String>) {
        self.goal = goal
        self.primaryMetric = primaryMetric
    }
}
