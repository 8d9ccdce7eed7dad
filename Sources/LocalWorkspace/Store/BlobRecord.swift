import GRDB

/// One row of the `blob` table: a committed block blob's properties and metadata; its bytes are the file
/// `<dir>/blobs/<container>/<name>`.
struct BlobRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "blob"

    var container: String
    var name: String
    var size: Int64
    /// Base64 MD5 of the content.
    var contentMD5: String
    var contentType: String
    var etag: String
    /// `x-ms-meta-*` values as a JSON object, names as sent.
    var metadata: String
    var createdAt: String
    var lastModifiedAt: String
}
