import GRDB

/// One row of the `operation` table: an asynchronous operation (compute create or delete, job cancel or delete)
/// whose status is derived from the state of its resource when polled.
struct OperationRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "operation"

    var id: String
    /// `OperationKind.rawValue`.
    var kind: String
    /// The name of the compute or job the operation acts on.
    var resourceName: String
    /// The row id of the resource when the operation started: a compute deleted and re-created under the same
    /// name is another resource.
    var resourceID: Int64?
    var createdAt: String
}
