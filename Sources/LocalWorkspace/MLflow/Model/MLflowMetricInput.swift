/// A metric point as `runs/log-metric` or `runs/log-batch` sends it.
struct MLflowMetricInput: Sendable, Hashable {
    var key: String
    var value: Double
    var timestamp: Int64
    var step: Int64
    /// The logged model the point belongs to (mlflow ≥ 3).
    var modelID: String? = nil
    var datasetName: String? = nil
    var datasetDigest: String? = nil
}
