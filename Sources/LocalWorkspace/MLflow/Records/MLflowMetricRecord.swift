import GRDB

/// One row of `mlflow_metric`: one point of a metric's history. A point is stored once per
/// (key, step, timestamp, value); NaN is stored as `0` with `isNaN` set (see the schema).
struct MLflowMetricRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "mlflow_metric"

    var id: Int64?
    var runID: String
    var key: String
    var value: Double
    var isNaN: Bool
    /// Milliseconds since 1970, as the client sent it.
    var timestamp: Int64
    var step: Int64
    /// The logged model the point belongs to (mlflow ≥ 3).
    var modelID: String?
    var datasetName: String?
    var datasetDigest: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The point as the public value (NaN restored).
    var metric: MLflowMetric {
        MLflowMetric(key: key, value: isNaN ? .nan : value, timestamp: timestamp, step: step)
    }
}
