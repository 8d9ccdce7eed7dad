import AzureML
import GRDB

extension MLflowStore {
    /// The statuses a logged model can have; it starts `LOGGED_MODEL_PENDING`, and `PATCH` sets one of the others.
    static let loggedModelStatuses = ["LOGGED_MODEL_PENDING", "LOGGED_MODEL_READY", "LOGGED_MODEL_UPLOAD_FAILED"]

    /// `POST logged-models`: a new model `m-<32 hex>` in the experiment, `LOGGED_MODEL_PENDING`, with its own
    /// artifact root `mlflow-artifacts:/<experiment id>/models/<model id>/artifacts`.
    func createLoggedModel(
        experimentID: String, name: String?, modelType: String, sourceRunID: String?, params: [(String, String)],
        tags: [(String, String)], tokenRunID: String?
    ) async throws -> MLflowLoggedModelDetails {
        for (key, value) in params { try MLflowValidation.param(key: key, value: value) }
        for (key, value) in tags { try MLflowValidation.tag(key: key, value: value) }
        let modelID = "m-" + RandomToken.hex(RandomToken.bytes(16))
        let name = name ?? MLflowRunName.random()
        return try await database.write { db in
            guard let number = Int64(experimentID), try MLflowExperimentRecord.fetchOne(db, key: number) != nil else {
                throw MLflowError.experimentNotFound(id: experimentID)
            }
            if let sourceRunID { try Self.requireRun(sourceRunID, in: db) }
            let now = Self.milliseconds()
            let record = MLflowLoggedModelRecord(
                id: modelID, experimentID: number, name: name, modelType: modelType, sourceRunID: sourceRunID,
                status: "LOGGED_MODEL_PENDING",
                artifactURI: Self.modelArtifactURI(experimentID: number, modelID: modelID),
                creationTime: now, lastUpdatedTime: now, tokenRunID: tokenRunID)
            try record.insert(db)
            for (key, value) in params {
                try MLflowLoggedModelParamRecord(modelID: modelID, key: key, value: value).save(db)
            }
            for (key, value) in tags {
                try MLflowLoggedModelTagRecord(modelID: modelID, key: key, value: value).save(db)
            }
            return try Self.loggedModelDetails(record, in: db)
        }
    }

    /// The logged model, or `nil`.
    func loggedModelRecord(id: String) async throws -> MLflowLoggedModelRecord? {
        try await database.read { db in try MLflowLoggedModelRecord.fetchOne(db, key: id) }
    }

    /// The logged model with its tags, params and metrics; 404 when there is none.
    func loggedModelDetails(id: String) async throws -> MLflowLoggedModelDetails {
        try await database.read { db in
            guard let record = try MLflowLoggedModelRecord.fetchOne(db, key: id) else {
                throw MLflowError.modelNotFound(id)
            }
            return try Self.loggedModelDetails(record, in: db)
        }
    }

    /// `PATCH logged-models/{id}`: sets the final status.
    func finalizeLoggedModel(id: String, status: String) async throws -> MLflowLoggedModelDetails {
        guard Self.loggedModelStatuses.contains(status) else {
            throw MLflowError.invalid(
                "Invalid value '\(status)' for parameter 'status': expected one of "
                    + Self.loggedModelStatuses.joined(separator: ", ") + ".")
        }
        return try await database.write { db in
            guard var record = try MLflowLoggedModelRecord.fetchOne(db, key: id) else {
                throw MLflowError.modelNotFound(id)
            }
            record.status = status
            record.lastUpdatedTime = Self.milliseconds()
            try record.update(db)
            return try Self.loggedModelDetails(record, in: db)
        }
    }

    /// The logged models of the experiments that pass the filter, newest first, from `offset`, at most `limit`,
    /// with the offset of the next page when more follow. `visibleTo`: only the models a run token may see.
    func searchLoggedModels(
        experimentIDs: [Int64], filter: MLflowLoggedModelFilter = MLflowLoggedModelFilter(), visibleTo runID: String?,
        limit: Int, offset: Int
    ) async throws -> (models: [MLflowLoggedModelDetails], nextOffset: Int?) {
        try await database.read { db in
            var request = MLflowLoggedModelRecord.filter(experimentIDs.contains(Column("experimentID")))
            if let (condition, arguments) = filter.sql {
                request = request.filter(sql: condition, arguments: StatementArguments(arguments))
            }
            if let runID {
                request = request.filter(Column("tokenRunID") == runID || Column("sourceRunID") == runID)
            }
            var records = try request.order(sql: "creationTime DESC, rowid DESC")
                .limit(limit + 1, offset: offset).fetchAll(db)
            var next: Int?
            if records.count > limit {
                records.removeLast(records.count - limit)
                next = offset + limit
            }
            return (try records.map { try Self.loggedModelDetails($0, in: db) }, next)
        }
    }

    private static func loggedModelDetails(_ record: MLflowLoggedModelRecord, in db: Database) throws
        -> MLflowLoggedModelDetails
    {
        MLflowLoggedModelDetails(
            record: record,
            tags: try MLflowLoggedModelTagRecord.filter(Column("modelID") == record.id).order(Column("key")).fetchAll(
                db),
            params: try MLflowLoggedModelParamRecord.filter(Column("modelID") == record.id).order(Column("key"))
                .fetchAll(db),
            metrics: try modelMetrics(modelID: record.id, in: db))
    }

    // MARK: Run inputs and outputs

    /// `runs/log-inputs`: dataset inputs (`DatasetInput` objects) and model inputs (model ids), each stored once.
    func logInputs(runID: String, datasets: [JSONValue], modelIDs: [String]) async throws {
        try await database.write { db in
            try Self.requireRun(runID, in: db)
            for dataset in datasets {
                let identity =
                    [
                        dataset["dataset"]?["name"]?.stringValue ?? "",
                        dataset["dataset"]?["digest"]?.stringValue ?? "",
                        (dataset["tags"] ?? .array([])).serialized(.canonical),
                    ].joined(separator: "\u{0}")
                try Self.insertInput(runID: runID, kind: "dataset", identity: identity, body: dataset, in: db)
            }
            for modelID in modelIDs {
                guard try MLflowLoggedModelRecord.fetchOne(db, key: modelID) != nil else {
                    throw MLflowError.modelNotFound(modelID)
                }
                try Self.insertInput(
                    runID: runID, kind: "model", identity: modelID, body: ["model_id": .string(modelID)], in: db)
            }
        }
    }

    private static func insertInput(runID: String, kind: String, identity: String, body: JSONValue, in db: Database)
        throws
    {
        try db.execute(
            sql: "INSERT OR IGNORE INTO mlflow_run_input (runID, kind, identity, body) VALUES (?, ?, ?, ?)",
            arguments: [runID, kind, identity, body.serialized(.compact)])
    }

    /// `runs/outputs`: the logged models the run produced, at a step (a model logged again keeps its new step).
    func logOutputs(runID: String, models: [(modelID: String, step: Int64)]) async throws {
        try await database.write { db in
            try Self.requireRun(runID, in: db)
            for (modelID, step) in models {
                guard try MLflowLoggedModelRecord.fetchOne(db, key: modelID) != nil else {
                    throw MLflowError.modelNotFound(modelID)
                }
                try MLflowRunOutputRecord(runID: runID, modelID: modelID, step: step).save(db)
            }
        }
    }

    /// The tag in which MLflow records the models `runs/log-model` (mlflow 2.x) reported: a JSON array.
    static let loggedModelsTag = "mlflow.log-model.history"

    /// `runs/log-model`: appends the model's description to the run's `mlflow.log-model.history` tag.
    func recordLoggedModel(runID: String, model: JSONObject) async throws {
        try await database.write { db in
            try Self.requireRun(runID, in: db)
            let key: [String: any DatabaseValueConvertible] = ["runID": runID, "key": Self.loggedModelsTag]
            var history: [JSONValue] = []
            if let existing = try MLflowTagRecord.fetchOne(db, key: key),
                let array = (try? JSONValue(parsing: existing.value))?.arrayValue
            {
                history = array
            }
            history.append(.object(model))
            try MLflowTagRecord(runID: runID, key: Self.loggedModelsTag, value: JSONValue.array(history).serialized())
                .save(db)
        }
    }
}
