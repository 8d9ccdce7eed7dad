import AzureML
import GRDB

/// One row of the `resource` table: an asset version, a job, a compute or a datastore, with the properties JSON
/// exactly as the client sent it and the server-owned state beside it.
struct ResourceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resource"

    /// Creation order; lists sort on it (`createdtime`), and it never repeats (AUTOINCREMENT).
    var id: Int64?
    /// `ResourceKind.rawValue`.
    var kind: String
    var name: String
    /// The version of an asset version; empty for jobs, computes and datastores.
    var version: String
    /// The request's `properties` object, compact JSON, as received.
    var properties: String
    /// Other top-level members of the request (a compute's `location`, `tags`, `identity`, `sku`).
    var envelope: String?
    /// A job's `status` or a compute's `provisioningState`.
    var state: String?
    /// When a compute in `Creating` or `Deleting` moves on (seconds since 1970).
    var stateChangesAt: Double?
    /// A code version's `properties.hash_sha256`, indexed for the hash lookup.
    var hashSha256: String?
    /// A code version's `properties.hash_version`.
    var hashVersion: Int?
    var isArchived: Bool
    var createdAt: String
    var lastModifiedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var resourceKind: ResourceKind { ResourceKind(rawValue: kind)! }

    /// The stored properties as a JSON object.
    var propertiesObject: JSONObject {
        (try? JSONValue(parsing: properties))?.objectValue ?? JSONObject()
    }

    /// The stored envelope members as a JSON object.
    var envelopeObject: JSONObject {
        envelope.flatMap { try? JSONValue(parsing: $0) }?.objectValue ?? JSONObject()
    }
}
