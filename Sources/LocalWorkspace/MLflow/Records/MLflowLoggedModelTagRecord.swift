import GRDB

/// One row of `mlflow_logged_model_tag`.
struct MLflowLoggedModelTagRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_logged_model_tag"

    var modelID: String
    var key: String
    var value: String
}
