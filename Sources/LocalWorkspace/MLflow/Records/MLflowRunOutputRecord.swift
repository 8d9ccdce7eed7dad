import GRDB

/// One row of `mlflow_run_output`: a logged model a run produced (`runs/outputs`), at a step.
struct MLflowRunOutputRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_run_output"

    var runID: String
    var modelID: String
    var step: Int64
}
