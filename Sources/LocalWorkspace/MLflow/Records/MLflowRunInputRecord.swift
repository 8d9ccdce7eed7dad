import GRDB

/// One row of `mlflow_run_input`: a dataset input (`kind` `dataset`, `body` the `DatasetInput` JSON) or a model
/// input (`kind` `model`, `body` the `ModelInput` JSON) of a run, stored once per `identity`.
struct MLflowRunInputRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "mlflow_run_input"

    var id: Int64?
    var runID: String
    var kind: String
    /// What makes two inputs the same: the dataset's name, digest and tags, or the model id.
    var identity: String
    /// Compact JSON.
    var body: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
