import AzureML
import GRDB

extension WorkspaceStore {
    /// The schema as named, append-only migrations: never edit one that has shipped, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 resources") { db in
            try db.create(table: "resource") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("version", .text).notNull().defaults(to: "")
                table.column("properties", .text).notNull()
                table.column("envelope", .text)
                table.column("state", .text)
                table.column("stateChangesAt", .double)
                table.column("hashSha256", .text)
                table.column("hashVersion", .integer)
                table.column("isArchived", .boolean).notNull().defaults(to: false)
                table.column("createdAt", .text).notNull()
                table.column("lastModifiedAt", .text).notNull()
                table.uniqueKey(["kind", "name", "version"])
                table.check(sql: "kind IN ('environment', 'data', 'code', 'job', 'compute', 'datastore')")
                table.check(sql: "json_valid(properties)")
            }
            try db.create(index: "resource_hash", on: "resource", columns: ["kind", "hashSha256", "hashVersion"])
        }
        migrator.registerMigration("v1 operations") { db in
            try db.create(table: "operation") { table in
                table.primaryKey("id", .text)
                table.column("kind", .text).notNull()
                table.column("resourceName", .text).notNull()
                table.column("resourceID", .integer)
                table.column("createdAt", .text).notNull()
            }
        }
        migrator.registerMigration("v1 blobs") { db in
            try db.create(table: "container") { table in
                table.primaryKey("name", .text)
                table.column("isTemporary", .boolean).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "blob") { table in
                table.column("container", .text).notNull().references("container", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("size", .integer).notNull()
                table.column("contentMD5", .text).notNull()
                table.column("contentType", .text).notNull()
                table.column("etag", .text).notNull()
                table.column("metadata", .text).notNull()
                table.column("createdAt", .text).notNull()
                table.column("lastModifiedAt", .text).notNull()
                table.primaryKey(["container", "name"])
            }
        }
        migrator.registerMigration("v1 default datastore") { db in
            let now = Timestamp.iso8601(Timestamp.now())
            try ContainerRecord(name: LocalWorkspaceServer.defaultContainer, isTemporary: false, createdAt: now)
                .insert(db)
            let properties: JSONValue = [
                "datastoreType": "AzureBlob",
                "accountName": .string(LocalWorkspaceServer.storageAccount),
                "containerName": .string(LocalWorkspaceServer.defaultContainer),
                "protocol": "http",
                "isDefault": true,
                "credentials": ["credentialsType": "Sas"],
                "description": "The local workspace's default blob store.",
            ]
            var record = ResourceRecord(
                id: nil, kind: ResourceKind.datastore.rawValue, name: LocalWorkspaceServer.defaultDatastore,
                version: "", properties: properties.serialized(.compact), envelope: nil, state: nil,
                stateChangesAt: nil, hashSha256: nil, hashVersion: nil, isArchived: false, createdAt: now,
                lastModifiedAt: now)
            try record.insert(db)
        }
        MLflowStore.registerMigrations(in: &migrator)
        migrator.registerMigration("v2 job runs") { db in
            try db.create(table: "jobRun") { table in
                table.primaryKey("resourceID", .integer).references("resource", onDelete: .cascade)
                table.column("startTimeUtc", .text)
                table.column("endTimeUtc", .text)
                table.column("errorCode", .text)
                table.column("errorMessage", .text)
                table.column("cancelReason", .text)
                table.column("warning", .text)
                table.column("exitCode", .integer)
                table.column("processID", .integer)
                table.column("mlflowRunID", .text)
                table.column("outputs", .text)
                table.column("extraProperties", .text)
                table.check(sql: "outputs IS NULL OR json_valid(outputs)")
                table.check(sql: "extraProperties IS NULL OR json_valid(extraProperties)")
            }
        }
        return migrator
    }
}
