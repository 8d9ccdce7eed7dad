import GRDB

/// One row of the `container` table: a blob container (the default datastore's, or a pending upload's).
struct ContainerRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "container"

    var name: String
    /// Whether `startPendingUpload` created it.
    var isTemporary: Bool
    var createdAt: String
}
