import GRDB

/// One row of `mlflow_run`: a run's info (its data lives in the param, tag, metric and input tables).
struct MLflowRunRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_run"

    var id: String
    var experimentID: Int64
    var name: String
    var userID: String
    /// `MLflowRunStatus.rawValue`.
    var status: String
    /// Milliseconds since 1970.
    var startTime: Int64
    var endTime: Int64?
    var lifecycleStage: String
    var artifactURI: String
    /// The run whose tracking token created this run (scripts may start runs of their own); `nil` when the
    /// workspace token or the runner did.
    var tokenRunID: String?

    /// The public value.
    var run: MLflowRun {
        MLflowRun(
            id: id, experimentID: String(experimentID), name: name, userID: userID,
            status: MLflowRunStatus(rawValue: status) ?? .running, startTime: startTime, endTime: endTime,
            artifactURI: artifactURI, lifecycleStage: lifecycleStage)
    }
}
