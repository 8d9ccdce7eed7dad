/// One point of a metric's history.
public struct MLflowMetric: Sendable, Hashable {
    /// The metric's name, such as `test-multi_logloss`.
    public var key: String
    /// The value; NaN and ±infinity are possible (the client sends them as `"NaN"`, `"Infinity"`, `"-Infinity"`).
    public var value: Double
    /// Milliseconds since 1970, as the client sent it.
    public var timestamp: Int64
    /// The step (0 when the client sent none).
    public var step: Int64

    /// A point.
    public init(key: String, value: Double, timestamp: Int64, step: Int64) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
    }

    /// Equal when all fields are, NaN values included (unlike `Double`'s `==`), as the store de-duplicates.
    public static func == (lhs: MLflowMetric, rhs: MLflowMetric) -> Bool {
        lhs.key == rhs.key && lhs.timestamp == rhs.timestamp && lhs.step == rhs.step
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }

    /// Hashes all fields (every NaN hashes alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
        hasher.combine(timestamp)
        hasher.combine(step)
    }
}
