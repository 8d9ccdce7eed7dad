import AzureML
import GRDB

/// The local workspace's SQLite database (WAL mode): resources, asynchronous operations, blob containers and blob
/// properties. Every write is one transaction; concurrent writers are serialized by the database pool.
public final class WorkspaceStore: Sendable {
    let database: DatabasePool

    /// Opens (creating and migrating as needed) the database at `path`.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// What a PUT did.
    enum PutResult: Sendable {
        case created(ResourceRecord)
        case updated(ResourceRecord)
        case unchanged(ResourceRecord)

        var record: ResourceRecord {
            switch self {
            case .created(let record), .updated(let record), .unchanged(let record): record
            }
        }
    }

    /// Creates or updates a resource in one transaction. `check` runs first, inside the transaction (reference
    /// checks); an existing resource is changed only as `ResourceChange` allows.
    func put(
        _ resource: ResourceID, properties: JSONObject, envelope: JSONObject? = nil, state: String? = nil,
        stateChangesAt: Double? = nil, check: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) async throws -> PutResult {
        let now = Timestamp.iso8601(Timestamp.now())
        return try await database.write { db in
            try check(db)
            let key = Self.key(resource)
            if var existing = try ResourceRecord.filter(key: key).fetchOne(db) {
                let change = try ResourceChange.decide(
                    kind: resource.kind, name: resource.name, version: resource.version,
                    existing: existing.propertiesObject, incoming: properties)
                let newEnvelope = envelope.map { JSONValue.object($0).serialized(.compact) }
                switch change {
                case .unchanged where newEnvelope == nil || newEnvelope == existing.envelope:
                    return .unchanged(existing)
                case .unchanged:
                    break
                case .update(let merged):
                    existing.properties = JSONValue.object(merged).serialized(.compact)
                    existing.apply(derivedFrom: merged)
                }
                if let newEnvelope { existing.envelope = newEnvelope }
                existing.lastModifiedAt = now
                try existing.update(db)
                return .updated(existing)
            }
            var record = ResourceRecord(
                id: nil, kind: resource.kind.rawValue, name: resource.name, version: resource.version ?? "",
                properties: JSONValue.object(properties).serialized(.compact),
                envelope: envelope.map { JSONValue.object($0).serialized(.compact) }, state: state,
                stateChangesAt: stateChangesAt, hashSha256: nil, hashVersion: nil, isArchived: false, createdAt: now,
                lastModifiedAt: now)
            record.apply(derivedFrom: properties)
            try record.insert(db)
            return .created(record)
        }
    }

    /// The resource, or `nil`.
    func resource(_ resource: ResourceID) async throws -> ResourceRecord? {
        if resource.kind == .compute { try await settleComputes() }
        return try await database.read { db in try ResourceRecord.filter(key: Self.key(resource)).fetchOne(db) }
    }

    /// All resources of `kind` (only those named `name` when given), oldest first.
    func resources(_ kind: ResourceKind, name: String? = nil) async throws -> [ResourceRecord] {
        if kind == .compute { try await settleComputes() }
        return try await database.read { db in
            var request = ResourceRecord.filter(Column("kind") == kind.rawValue)
            if let name { request = request.filter(Column("name") == name) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Code versions of any name registered with this content hash, oldest first.
    func codeVersions(hash: String, hashVersion: Int?) async throws -> [ResourceRecord] {
        try await database.read { db in
            var request = ResourceRecord.filter(Column("kind") == ResourceKind.code.rawValue)
                .filter(Column("hashSha256") == hash)
            if let hashVersion { request = request.filter(Column("hashVersion") == hashVersion) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Whether the resource exists, inside a transaction.
    static func exists(_ resource: ResourceID, in db: Database) throws -> Bool {
        try ResourceRecord.filter(key: key(resource)).fetchCount(db) > 0
    }

    /// Whether an asset container (any version of `name`) exists, inside a transaction.
    static func containerExists(_ kind: ResourceKind, name: String, in db: Database) throws -> Bool {
        try ResourceRecord.filter(Column("kind") == kind.rawValue && Column("name") == name).fetchCount(db) > 0
    }

    static func key(_ resource: ResourceID) -> [String: any DatabaseValueConvertible] {
        ["kind": resource.kind.rawValue, "name": resource.name, "version": resource.version ?? ""]
    }

    // MARK: Computes

    /// Moves computes whose provisioning delay has passed: `Creating` becomes `Succeeded`, `Deleting` is removed.
    func settleComputes() async throws {
        let now = Timestamp.now()
        let pending = try await database.read { db in
            try ResourceRecord.filter(Column("kind") == ResourceKind.compute.rawValue)
                .filter(Column("stateChangesAt") <= now).fetchCount(db)
        }
        guard pending > 0 else { return }
        try await database.write { db in
            let compute = Column("kind") == ResourceKind.compute.rawValue && Column("stateChangesAt") <= now
            try ResourceRecord.filter(compute && Column("state") == "Deleting").deleteAll(db)
            try ResourceRecord.filter(compute && Column("state") == "Creating")
                .updateAll(db, Column("state").set(to: "Succeeded"), Column("stateChangesAt").set(to: nil))
        }
    }

    /// Marks a compute `Deleting` (removed once `at` has passed) and records the operation; `nil` when there is no
    /// such compute.
    func deleteCompute(name: String, at: Double) async throws -> OperationRecord? {
        try await database.write { db in
            let key = Self.key(ResourceID(kind: .compute, name: name))
            guard var record = try ResourceRecord.filter(key: key).fetchOne(db) else { return nil }
            if record.state != "Deleting" {
                record.state = "Deleting"
                record.stateChangesAt = at
                record.lastModifiedAt = Timestamp.iso8601(Timestamp.now())
                try record.update(db)
            }
            return try Self.insertOperation(.computeDelete, name: name, resourceID: record.id, in: db)
        }
    }

    // MARK: Operations

    /// Records an asynchronous operation.
    func createOperation(_ kind: OperationKind, for record: ResourceRecord) async throws -> OperationRecord {
        try await database.write { db in
            try Self.insertOperation(kind, name: record.name, resourceID: record.id, in: db)
        }
    }

    static func insertOperation(_ kind: OperationKind, name: String, resourceID: Int64?, in db: Database) throws
        -> OperationRecord
    {
        let operation = OperationRecord(
            id: RandomToken.uuid(), kind: kind.rawValue, resourceName: name, resourceID: resourceID,
            createdAt: Timestamp.iso8601(Timestamp.now()))
        try operation.insert(db)
        return operation
    }

    /// The resource with this row id, or `nil`.
    func resource(rowID: Int64?) async throws -> ResourceRecord? {
        guard let rowID else { return nil }
        try await settleComputes()
        return try await database.read { db in try ResourceRecord.fetchOne(db, key: rowID) }
    }

    /// The operation, or `nil`.
    func operation(id: String) async throws -> OperationRecord? {
        try await database.read { db in try OperationRecord.fetchOne(db, key: id) }
    }

    // MARK: Jobs

    /// What cancelling a job did.
    enum CancelOutcome: Sendable {
        /// The job had not started: it is now `Canceled`.
        case canceled(OperationRecord)
        /// The job is running: it is now `CancelRequested`, and the runner finishes the cancellation.
        case cancelRequested(OperationRecord)
        /// The job had already ended; nothing changed.
        case alreadyFinished(OperationRecord)
    }

    /// Cancels a job: `NotStarted` becomes `Canceled`, an in-progress job `CancelRequested`; `nil` when there is
    /// no such job.
    func cancelJob(name: String) async throws -> CancelOutcome? {
        try await database.write { db in
            let key = Self.key(ResourceID(kind: .job, name: name))
            guard var record = try ResourceRecord.filter(key: key).fetchOne(db) else { return nil }
            let operation = try Self.insertOperation(.jobCancel, name: name, resourceID: record.id, in: db)
            let status = record.state ?? JobStatus.notStarted
            if JobStatus.isTerminal(status) || status == JobStatus.cancelRequested {
                return JobStatus.isTerminal(status) ? .alreadyFinished(operation) : .cancelRequested(operation)
            }
            record.state = status == JobStatus.notStarted ? JobStatus.canceled : JobStatus.cancelRequested
            record.lastModifiedAt = Timestamp.iso8601(Timestamp.now())
            try record.update(db)
            return record.state == JobStatus.canceled ? .canceled(operation) : .cancelRequested(operation)
        }
    }

    /// Deletes a job and records the operation; `nil` when there is no such job.
    func deleteJob(name: String) async throws -> OperationRecord? {
        try await database.write { db in
            let key = Self.key(ResourceID(kind: .job, name: name))
            guard let record = try ResourceRecord.filter(key: key).fetchOne(db) else { return nil }
            try record.delete(db)
            return try Self.insertOperation(.jobDelete, name: name, resourceID: record.id, in: db)
        }
    }

    /// The names of the jobs whose status is `status`, oldest first (for the job runner).
    public func jobNames(withStatus status: String) async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM resource WHERE kind = 'job' AND state = ? ORDER BY id", arguments: [status])
        }
    }

    /// A job's status, or `nil` when there is no such job (for the job runner).
    public func jobStatus(name: String) async throws -> String? {
        try await resource(ResourceID(kind: .job, name: name))?.state
    }

    /// Sets a job's status (for the job runner); returns whether the job exists.
    @discardableResult
    public func setJobStatus(name: String, status: String) async throws -> Bool {
        try await database.write { db in
            let key = Self.key(ResourceID(kind: .job, name: name))
            guard var record = try ResourceRecord.filter(key: key).fetchOne(db) else { return false }
            record.state = status
            record.lastModifiedAt = Timestamp.iso8601(Timestamp.now())
            try record.update(db)
            return true
        }
    }
}

extension ResourceRecord {
    /// Copies the indexed columns (hash, archived flag) from the properties.
    mutating func apply(derivedFrom properties: JSONObject) {
        isArchived = properties["isArchived"]?.boolValue ?? false
        guard kind == ResourceKind.code.rawValue, let bag = properties["properties"]?.objectValue else {
            hashSha256 = nil
            hashVersion = nil
            return
        }
        hashSha256 = bag["hash_sha256"]?.stringValue
        hashVersion = bag["hash_version"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } }
    }
}
