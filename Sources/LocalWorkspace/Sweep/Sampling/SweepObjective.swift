public import AzureML

/// A sweep's `objective`: the metric its trials log and whether to minimize or maximize it.
public struct SweepObjective: Sendable, Hashable {
    /// The direction of optimization.
    public let goal: ObjectiveGoal
    /// The metric name the trials log through MLflow.
    public let primaryMetric: String

    /// An objective.
    public init(goal: ObjectiveGoal, primaryMetric: String) {
        self.goal = goal
        self.primaryMetric = primaryMetric
    }

    /// Parses the wire `{"goal": "maximize", "primaryMetric": "acc"}`; the goal in any case, as the service accepts.
    public init(wire value: JSONValue, path: String = "objective") throws(LocalWorkspaceError) {
        guard case .object(let object) = value else {
            throw .invalidSweep("expected an object, found \(value.typeName)", field: path)
        }
        guard case .string(let goal)? = object["goal"] else {
            throw .invalidSweep("expected 'minimize' or 'maximize'", field: "\(path).goal")
        }
        guard let parsed = ObjectiveGoal(rawValue: goal.lowercased()) else {
            throw .invalidSweep("expected 'minimize' or 'maximize', found '\(goal)'", field: "\(path).goal")
        }
        guard case .string(let metric)? = object["primaryMetric"], !metric.isEmpty else {
            throw .invalidSweep("expected the name of a metric", field: "\(path).primaryMetric")
        }
        self.init(goal: parsed, primaryMetric: metric)
    }
}
