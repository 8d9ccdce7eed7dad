import GRDB

/// One row of `mlflow_token`: the SHA-256 (hex) of a run's tracking token; the token itself is never stored.
struct MLflowTokenRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mlflow_token"

    var tokenHash: String
    var runID: String
    /// Milliseconds since 1970.
    var createdAt: Int64
}
