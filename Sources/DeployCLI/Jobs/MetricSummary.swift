import AzureML
import Foundation

/// One metric of a job's MLflow run: its last value (the point with the highest step, then the latest timestamp,
/// as MLflow's "latest" rule), its minimum and maximum over the history, and how many points were logged.
struct MetricSummary: Sendable, Hashable {
    /// The metric's key.
    var name: String
    /// The last value.
    var last: Double
    /// The smallest value (NaN ignored when other values exist).
    var min: Double
    /// The largest value.
    var max: Double
    /// How many points the history holds.
    var count: Int

    /// The summary of a history of `(value, step, timestamp)` points; `nil` when empty.
    init?(name: String, points: [(value: Double, step: Int, timestamp: Int)]) {
        guard
            let last = points.enumerated().max(by: { left, right in
                let (a, b) = (left.element, right.element)
                return (a.step, a.timestamp, left.offset) < (b.step, b.timestamp, right.offset)
            })
        else { return nil }
        let values = points.map(\.value)
        let finite = values.filter { !$0.isNaN }
        self.name = name
        self.last = last.element.value
        min = finite.min() ?? .nan
        max = finite.max() ?? .nan
        count = points.count
    }

    /// A value from MLflow's JSON: a number, or the strings `NaN`, `Infinity`, `-Infinity`.
    static func number(_ value: JSONValue?) -> Double? {
        if let double = value?.doubleValue { return double }
        switch value?.stringValue {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// `0.0534122` (six significant digits, as C's `%g`), `NaN`, `inf`: a metric value as `deploy jobs` prints it.
    static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.6g", value)
    }

    /// A value in JSON: a number, or `NaN`/`Infinity`/`-Infinity` strings as MLflow writes them.
    static func json(_ value: Double) -> JSONValue {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return .double(value)
    }

    /// `{"last", "min", "max", "count"}`.
    var json: JSONValue {
        ["last": Self.json(last), "min": Self.json(min), "max": Self.json(max), "count": .int(count)]
    }
}
