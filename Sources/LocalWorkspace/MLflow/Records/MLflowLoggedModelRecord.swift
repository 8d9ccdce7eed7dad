import GRDB

/// One row of `mlflow_logged_model`: an mlflow ≥ 3 logged model, whose files live under its own artifact root.
struct MLflowLoggedModelRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_logged_model"

    var id: String
    var experimentID: Int64
    var name: String
    var modelType: String
    var sourceRunID: String?
    /// `LOGGED_MODEL_PENDING`, `LOGGED_MODEL_READY` or `LOGGED_MODEL_UPLOAD_FAILED`.
    var status: String
    var artifactURI: String
    /// Milliseconds since 1970.
    var creationTime: Int64
    var lastUpdatedTime: Int64
    /// The run whose tracking token created the model; `nil` for the workspace token.
    var tokenRunID: String?
}
