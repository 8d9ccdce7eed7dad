import GRDB

/// One row of `mlflow_logged_model_param`.
struct MLflowLoggedModelParamRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_logged_model_param"

    var modelID: String
    var key: String
    var value: String
}
