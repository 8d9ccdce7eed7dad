import GRDB

/// The MLflow tracking store of the local workspace: experiments, runs, params, tags, metric histories, logged
/// models, run inputs and outputs, and per-run tracking tokens, in the workspace's SQLite database (tables added by
/// the `v1 mlflow tracking` migration). The MLflow routes serve it to the `mlflow` client; the job runner uses it
/// directly:
///
/// - before starting a job: `createRun(runID:experimentName:runName:tags:)` with the job's name as run id, then
///   `issueToken(forRun:)`, and export `MLFLOW_TRACKING_URI`, `MLFLOW_RUN_ID`, `MLFLOW_EXPERIMENT_NAME` and
///   `MLFLOW_TRACKING_TOKEN`;
/// - while it runs: `metricEvents.subscribe(runID:)` (the sweep scheduler: `metricHistory(runID:key:)`);
/// - after it exits: `run(id:)` for the status the script reported, `setRunStatus(runID:status:endTime:)`,
///   `metricSummaries(runID:)`, `params(runID:)`, and `revokeTokens(forRun:)`.
///
/// Run artifacts are files under `<workspace dir>/runs/<run id>/artifacts/` (`artifactDirectory(runID:)`), logged
/// models' under `<workspace dir>/mlflow/models/<model id>/artifacts/`.
///
/// Public methods throw `LocalWorkspaceError` (kind `tracking`) for what they refuse, or a database error.
public final class MLflowStore: Sendable {
    /// The experiment that always exists, with id `"0"`.
    public static let defaultExperimentName = "Default"
    /// The user recorded on runs the runner creates.
    static let localUser = "local-user"

    let database: DatabasePool
    /// The workspace directory.
    let directory: String
    /// Every metric point as it is stored.
    public let metricEvents: MLflowMetricEvents

    init(database: DatabasePool, directory: String) {
        self.database = database
        self.directory = directory
        metricEvents = MLflowMetricEvents()
    }

    // MARK: Runner API

    /// Creates a run with id `runID` (which must match `^[a-zA-Z0-9][\w\-]{0,255}$`, as MLflow requires) in the
    /// experiment `experimentName`, created if missing: status `RUNNING`, lifecycle `active`, start time now,
    /// artifact URI `mlflow-artifacts:/<experiment id>/<run id>/artifacts`, the tag `mlflow.runName` set to
    /// `runName` (default: the run id) plus `tags`. Throws when a run with that id exists.
    @discardableResult
    public func createRun(
        runID: String, experimentName: String, runName: String? = nil, tags: [String: String] = [:]
    ) async throws -> MLflowRun {
        do {
            try MLflowValidation.runID(runID)
            guard !experimentName.isEmpty else { throw MLflowError.invalid("The experiment name must not be empty.") }
            let name = runName ?? runID
            return try await database.write { db in
                let experiment = try Self.experiment(named: experimentName, creatingIn: db)
                let record = try Self.insertRun(
                    id: runID, experimentID: experiment.id, name: name, userID: Self.localUser,
                    startTime: Self.milliseconds(), tags: tags.sorted { $0.key < $1.key }, tokenRunID: nil, in: db)
                return record.run
            }
        } catch let error as MLflowError {
            throw LocalWorkspaceError.tracking(error.message, field: runID)
        }
    }

    /// The run, or `nil` when there is none.
    public func run(id: String) async throws -> MLflowRun? {
        try await database.read { db in try MLflowRunRecord.fetchOne(db, key: id)?.run }
    }

    /// Sets a run's status and end time (for a terminal status without `endTime`: now, unless the run already has
    /// one); returns the updated run. Throws when there is no such run.
    @discardableResult
    public func setRunStatus(runID: String, status: MLflowRunStatus, endTime: Int64? = nil) async throws -> MLflowRun {
        let end = endTime ?? (status.isTerminal ? Self.milliseconds() : nil)
        return try await publicCall(runID) {
            try await self.updateRun(runID: runID, status: status, endTime: end, keepEndTime: endTime == nil)
        }.run
    }

    /// The experiment named `name`, or `nil`.
    public func experiment(named name: String) async throws -> MLflowExperiment? {
        try await database.read { db in
            try MLflowExperimentRecord.filter(Column("name") == name).fetchOne(db)?.experiment
        }
    }

    /// Every run of an experiment, oldest first (a sweep's trials share one).
    public func runs(experimentID: String) async throws -> [MLflowRun] {
        guard let id = Int64(experimentID) else { return [] }
        return try await database.read { db in
            try MLflowRunRecord.filter(Column("experimentID") == id).order(sql: "rowid").fetchAll(db).map(\.run)
        }
    }

    /// The run's parameters (all strings). Throws when there is no such run.
    public func params(runID: String) async throws -> [String: String] {
        try await publicCall(runID) {
            try await self.database.read { db in
                try Self.requireRun(runID, in: db)
                return Dictionary(
                    uniqueKeysWithValues: try MLflowParamRecord.filter(Column("runID") == runID).fetchAll(db)
                        .map { ($0.key, $0.value) })
            }
        }
    }

    /// The run's tags, `mlflow.*` ones included. Throws when there is no such run.
    public func tags(runID: String) async throws -> [String: String] {
        try await publicCall(runID) {
            try await self.database.read { db in
                try Self.requireRun(runID, in: db)
                return Dictionary(
                    uniqueKeysWithValues: try MLflowTagRecord.filter(Column("runID") == runID).fetchAll(db)
                        .map { ($0.key, $0.value) })
            }
        }
    }

    /// Sets tags on a run (replacing values of keys it has). Throws when there is no such run.
    public func setTags(runID: String, _ tags: [String: String]) async throws {
        try await publicCall(runID) {
            try await self.logBatch(
                runID: runID, metrics: [], params: [], tags: tags.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }

    /// Where the files the client uploads for the run are stored: `<workspace dir>/runs/<run id>/artifacts`.
    public func artifactDirectory(runID: String) -> String {
        directory + "/runs/" + runID + "/artifacts"
    }

    /// Runs `body`, turning the `MLflowError` it throws into a `LocalWorkspaceError` about `field`.
    func publicCall<T>(_ field: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as MLflowError {
            throw LocalWorkspaceError.tracking(error.message, field: field)
        }
    }

    // MARK: Experiments

    /// The experiment named `name`, created (with a fresh id) when there is none.
    static func experiment(named name: String, creatingIn db: Database) throws -> MLflowExperimentRecord {
        if let existing = try MLflowExperimentRecord.filter(Column("name") == name).fetchOne(db) { return existing }
        return try insertExperiment(name: name, tags: [], in: db)
    }

    /// Creates an experiment; `RESOURCE_ALREADY_EXISTS` when the name is taken.
    func createExperiment(name: String, tags: [(String, String)]) async throws -> MLflowExperimentRecord {
        try MLflowValidation.experimentName(name)
        for (key, value) in tags { try MLflowValidation.tag(key: key, value: value) }
        return try await database.write { db in
            if try MLflowExperimentRecord.filter(Column("name") == name).fetchCount(db) > 0 {
                throw MLflowError.alreadyExists("Experiment '\(name)' already exists.")
            }
            return try Self.insertExperiment(name: name, tags: tags, in: db)
        }
    }

    private static func insertExperiment(name: String, tags: [(String, String)], in db: Database) throws
        -> MLflowExperimentRecord
    {
        let id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM mlflow_experiment") ?? -1) + 1
        let now = milliseconds()
        let record = MLflowExperimentRecord(
            id: id, name: name, artifactLocation: experimentArtifactURI(id), lifecycleStage: "active",
            creationTime: now, lastUpdateTime: now)
        try record.insert(db)
        for (key, value) in tags {
            try MLflowExperimentTagRecord(experimentID: id, key: key, value: value).save(db)
        }
        return record
    }

    /// The experiment with this id (as sent: a decimal string), or `nil`.
    func experimentRecord(id: String) async throws -> MLflowExperimentRecord? {
        guard let number = Int64(id) else { return nil }
        return try await database.read { db in try MLflowExperimentRecord.fetchOne(db, key: number) }
    }

    /// The experiment with this name, or `nil`.
    func experimentRecord(named name: String) async throws -> MLflowExperimentRecord? {
        try await database.read { db in try MLflowExperimentRecord.filter(Column("name") == name).fetchOne(db) }
    }

    /// An experiment's tags, in key order.
    func experimentTags(_ id: Int64) async throws -> [MLflowExperimentTagRecord] {
        try await database.read { db in
            try MLflowExperimentTagRecord.filter(Column("experimentID") == id).order(Column("key")).fetchAll(db)
        }
    }

    // MARK: Runs

    /// Inserts a run with its tags (`mlflow.runName` set to `name`); `RESOURCE_ALREADY_EXISTS` when the id is
    /// taken.
    static func insertRun(
        id: String, experimentID: Int64, name: String, userID: String, startTime: Int64, tags: [(String, String)],
        tokenRunID: String?, in db: Database
    ) throws -> MLflowRunRecord {
        if try MLflowRunRecord.fetchOne(db, key: id) != nil {
            throw MLflowError.alreadyExists("Run with id=\(id) already exists.")
        }
        let record = MLflowRunRecord(
            id: id, experimentID: experimentID, name: name, userID: userID,
            status: MLflowRunStatus.running.rawValue, startTime: startTime, endTime: nil, lifecycleStage: "active",
            artifactURI: runArtifactURI(experimentID: experimentID, runID: id), tokenRunID: tokenRunID)
        try record.insert(db)
        for (key, value) in tags where key != MLflowStore.runNameTag {
            try MLflowValidation.tag(key: key, value: value)
            try MLflowTagRecord(runID: id, key: key, value: value).save(db)
        }
        try MLflowTagRecord(runID: id, key: runNameTag, value: name).save(db)
        return record
    }

    /// Creates a run for `runs/create`: a fresh 32-hex id, the given or an invented name.
    func createRun(
        experimentID: String, userID: String, startTime: Int64?, runName: String?, tags: [(String, String)],
        tokenRunID: String?
    ) async throws -> MLflowRunRecord {
        let name = runName ?? tags.last { $0.0 == Self.runNameTag }?.1 ?? MLflowRunName.random()
        try MLflowValidation.tag(key: Self.runNameTag, value: name)
        return try await database.write { db in
            guard let number = Int64(experimentID),
                let experiment = try MLflowExperimentRecord.fetchOne(db, key: number)
            else { throw MLflowError.experimentNotFound(id: experimentID) }
            return try Self.insertRun(
                id: RandomToken.hex(RandomToken.bytes(16)), experimentID: experiment.id, name: name, userID: userID,
                startTime: startTime ?? Self.milliseconds(), tags: tags, tokenRunID: tokenRunID, in: db)
        }
    }

    /// The run, or `nil`.
    func runRecord(id: String) async throws -> MLflowRunRecord? {
        try await database.read { db in try MLflowRunRecord.fetchOne(db, key: id) }
    }

    /// The run; 404 `RESOURCE_DOES_NOT_EXIST` when there is none.
    @discardableResult
    static func requireRun(_ id: String, in db: Database) throws -> MLflowRunRecord {
        guard let record = try MLflowRunRecord.fetchOne(db, key: id) else { throw MLflowError.runNotFound(id) }
        return record
    }

    /// `runs/update`: sets what is given. With `keepEndTime`, an end time the run already has is not replaced.
    func updateRun(
        runID: String, status: MLflowRunStatus?, endTime: Int64?, runName: String? = nil, keepEndTime: Bool = false
    ) async throws -> MLflowRunRecord {
        if let runName { try MLflowValidation.tag(key: Self.runNameTag, value: runName) }
        return try await database.write { db in
            var record = try Self.requireRun(runID, in: db)
            if let status { record.status = status.rawValue }
            if let endTime, !(keepEndTime && record.endTime != nil) { record.endTime = endTime }
            if let runName, !runName.isEmpty {
                record.name = runName
                try MLflowTagRecord(runID: runID, key: Self.runNameTag, value: runName).save(db)
            }
            try record.update(db)
            return record
        }
    }

    /// `runs/delete-tag`: 404 when the run has no such tag.
    func deleteTag(runID: String, key: String) async throws {
        try await database.write { db in
            try Self.requireRun(runID, in: db)
            guard try MLflowTagRecord.deleteOne(db, key: ["runID": runID, "key": key]) else {
                throw MLflowError.notFound("No tag with name: \(key) in run with id \(runID)")
            }
        }
    }

    /// Everything `runs/get` reports about a run.
    func runDetails(id: String) async throws -> MLflowRunDetails {
        try await database.read { db in
            let record = try Self.requireRun(id, in: db)
            return MLflowRunDetails(
                record: record,
                latestMetrics: try Self.latestMetrics(runID: id, in: db),
                params: try MLflowParamRecord.filter(Column("runID") == id).order(Column("key")).fetchAll(db),
                tags: try MLflowTagRecord.filter(Column("runID") == id).order(Column("key")).fetchAll(db),
                inputs: try MLflowRunInputRecord.filter(Column("runID") == id).order(Column("id")).fetchAll(db),
                outputs: try MLflowRunOutputRecord.filter(Column("runID") == id).order(sql: "rowid").fetchAll(db))
        }
    }

    // MARK: Naming

    /// The tag that holds a run's name.
    static let runNameTag = "mlflow.runName"

    /// Milliseconds since 1970, now.
    static func milliseconds() -> Int64 {
        Int64((Timestamp.now() * 1000).rounded())
    }

    /// `mlflow-artifacts:/<experiment id>`.
    static func experimentArtifactURI(_ experimentID: Int64) -> String {
        "mlflow-artifacts:/\(experimentID)"
    }

    /// `mlflow-artifacts:/<experiment id>/<run id>/artifacts`.
    static func runArtifactURI(experimentID: Int64, runID: String) -> String {
        "mlflow-artifacts:/\(experimentID)/\(runID)/artifacts"
    }

    /// `mlflow-artifacts:/<experiment id>/models/<model id>/artifacts`.
    static func modelArtifactURI(experimentID: Int64, modelID: String) -> String {
        "mlflow-artifacts:/\(experimentID)/models/\(modelID)/artifacts"
    }

    /// Where a logged model's files are stored: `<workspace dir>/mlflow/models/<model id>/artifacts`.
    func modelArtifactDirectory(modelID: String) -> String {
        directory + "/mlflow/models/" + modelID + "/artifacts"
    }
}

extension MLflowExperimentRecord {
    /// The public value.
    var experiment: MLflowExperiment {
        MLflowExperiment(
            id: String(id), name: name, artifactLocation: artifactLocation, lifecycleStage: lifecycleStage,
            creationTime: creationTime, lastUpdateTime: lastUpdateTime)
    }
}
