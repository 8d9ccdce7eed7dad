import GRDB

/// One row of `mlflow_experiment_tag`.
struct MLflowExperimentTagRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_experiment_tag"

    var experimentID: Int64
    var key: String
    var value: String
}
