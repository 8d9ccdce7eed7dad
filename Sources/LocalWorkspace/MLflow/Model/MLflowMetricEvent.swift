/// A metric point that was just stored (a re-sent duplicate makes no event).
public struct MLflowMetricEvent: Sendable, Hashable {
    /// The run the point was logged to.
    public var runID: String
    /// The metric's name.
    public var key: String
    /// The value (NaN and ±infinity possible).
    public var value: Double
    /// The step.
    public var step: Int64
    /// Milliseconds since 1970, as the client sent it.
    public var timestamp: Int64

    /// An event.
    public init(runID: String, key: String, value: Double, step: Int64, timestamp: Int64) {
        self.runID = runID
        self.key = key
        self.value = value
        self.step = step
        self.timestamp = timestamp
    }

    /// Equal when all fields are, NaN values included.
    public static func == (lhs: MLflowMetricEvent, rhs: MLflowMetricEvent) -> Bool {
        lhs.runID == rhs.runID && lhs.key == rhs.key && lhs.step == rhs.step && lhs.timestamp == rhs.timestamp
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }

    /// Hashes all fields (every NaN hashes alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(runID)
        hasher.combine(key)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
        hasher.combine(step)
        hasher.combine(timestamp)
    }
}
