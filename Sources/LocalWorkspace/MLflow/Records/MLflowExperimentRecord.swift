import GRDB

/// One row of `mlflow_experiment`: an MLflow experiment (its id is an integer; the wire writes it as a string).
struct MLflowExperimentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_experiment"

    var id: Int64
    var name: String
    var artifactLocation: String
    var lifecycleStage: String
    /// Milliseconds since 1970.
    var creationTime: Int64
    var lastUpdateTime: Int64
}
