import GRDB

/// One row of `mlflow_param`: a run parameter (a string, and immutable once logged).
struct MLflowParamRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_param"

    var runID: String
    var key: String
    var value: String
}
