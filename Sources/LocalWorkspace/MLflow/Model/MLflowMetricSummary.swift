/// What a run's history of one metric comes to: its latest point by MLflow's rule, its extremes and its size.
public struct MLflowMetricSummary: Sendable, Hashable {
    /// The metric's name.
    public var key: String
    /// The point at the highest step; among those, the latest timestamp; among those, the largest value. This is
    /// the value `runs/get` reports for the metric.
    public var latest: MLflowMetric
    /// The smallest value, NaN excluded (NaN when every value is NaN).
    public var minimum: Double
    /// The largest value, NaN excluded (NaN when every value is NaN).
    public var maximum: Double
    /// How many points the history holds (after de-duplication).
    public var count: Int

    /// A summary.
    public init(key: String, latest: MLflowMetric, minimum: Double, maximum: Double, count: Int) {
        self.key = key
        self.latest = latest
        self.minimum = minimum
        self.maximum = maximum
        self.count = count
    }

    /// Equal when all fields are, NaN extremes included.
    public static func == (lhs: MLflowMetricSummary, rhs: MLflowMetricSummary) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        return lhs.key == rhs.key && lhs.latest == rhs.latest && same(lhs.minimum, rhs.minimum)
            && same(lhs.maximum, rhs.maximum) && lhs.count == rhs.count
    }

    /// Hashes all fields (every NaN hashes alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(latest)
        hasher.combine(minimum.isNaN ? Double.nan.bitPattern : minimum.bitPattern)
        hasher.combine(maximum.isNaN ? Double.nan.bitPattern : maximum.bitPattern)
        hasher.combine(count)
    }
}
