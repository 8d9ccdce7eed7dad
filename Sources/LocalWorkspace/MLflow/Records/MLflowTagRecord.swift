import GRDB

/// One row of `mlflow_tag`: a run tag (the last value set wins).
struct MLflowTagRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_tag"

    var runID: String
    var key: String
    var value: String
}
