import AzureML
import Hummingbird

extension MLflowRoutes {
    @Sendable func createRun(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let caller = try Self.caller(context)
        let fields = try await MLflowFields.body(request, context: context)
        let experimentID = try fields.string("experiment_id").flatMap { $0.isEmpty ? nil : $0 } ?? "0"
        let runName = try fields.string("run_name").flatMap { $0.isEmpty ? nil : $0 }
        let userID = try fields.string("user_id").flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        let record = try await store.createRun(
            experimentID: experimentID, userID: userID, startTime: try fields.int64("start_time"), runName: runName,
            tags: try fields.keyValues("tags"), tokenRunID: caller.tokenRunID)
        return Self.ok(["run": MLflowJSON.run(try await store.runDetails(id: record.id))])
    }

    @Sendable func getRun(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let runID = try Self.query(request).runID()
        try await accessibleRun(runID, context)
        return Self.ok(["run": MLflowJSON.run(try await store.runDetails(id: runID))])
    }

    @Sendable func updateRun(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        var status: MLflowRunStatus?
        if let text = try fields.string("status") {
            guard let value = MLflowRunStatus(rawValue: text) else {
                throw MLflowError.invalid(
                    "Invalid value \"\(text)\" for parameter 'status' supplied: expected one of "
                        + MLflowRunStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            status = value
        }
        let endTime = try fields.int64("end_time")
        let runName = try fields.string("run_name")
        try await accessibleRun(runID, context)
        let record = try await store.updateRun(
            runID: runID, status: status, endTime: endTime, runName: runName)
        return Self.ok(["run_info": MLflowJSON.runInfo(record)])
    }

    // MARK: Logging

    /// A metric of `log-metric` or of `log-batch`'s `metrics`: key, value and timestamp required, step 0 unless
    /// given.
    static func metric(_ fields: MLflowFields) throws(MLflowError) -> MLflowMetricInput {
        let key = try fields.requiredString("key")
        guard let value = try fields.double("value") else { throw .missing(fields.path("value")) }
        guard let timestamp = try fields.int64("timestamp") else { throw .missing(fields.path("timestamp")) }
        return MLflowMetricInput(
            key: key, value: value, timestamp: timestamp, step: try fields.int64("step") ?? 0,
            modelID: try fields.string("model_id").flatMap { $0.isEmpty ? nil : $0 },
            datasetName: try fields.string("dataset_name").flatMap { $0.isEmpty ? nil : $0 },
            datasetDigest: try fields.string("dataset_digest").flatMap { $0.isEmpty ? nil : $0 })
    }

    @Sendable func logBatch(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        var metrics: [MLflowMetricInput] = []
        for entry in try fields.objects("metrics") { metrics.append(try Self.metric(entry)) }
        let params = try fields.keyValues("params")
        let tags = try fields.keyValues("tags")
        try await accessibleRun(runID, context)
        try await store.logBatch(runID: runID, metrics: metrics, params: params, tags: tags)
        return Self.ok()
    }

    @Sendable func logMetric(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        let metric = try Self.metric(fields)
        try await accessibleRun(runID, context)
        try await store.logBatch(runID: runID, metrics: [metric], params: [], tags: [])
        return Self.ok()
    }

    @Sendable func logParameter(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        let param = (try fields.requiredString("key"), try fields.string("value") ?? "")
        try await accessibleRun(runID, context)
        try await store.logBatch(runID: runID, metrics: [], params: [param], tags: [])
        return Self.ok()
    }

    @Sendable func setTag(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        let tag = (try fields.requiredString("key"), try fields.string("value") ?? "")
        try await accessibleRun(runID, context)
        try await store.logBatch(runID: runID, metrics: [], params: [], tags: [tag])
        return Self.ok()
    }

    @Sendable func deleteTag(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        let key = try fields.requiredString("key")
        try await accessibleRun(runID, context)
        try await store.deleteTag(runID: runID, key: key)
        return Self.ok()
    }

    @Sendable func logInputs(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        var datasets: [JSONValue] = []
        for input in try fields.objects("datasets") {
            guard let dataset = try input.nested("dataset") else { throw MLflowError.missing(input.path("dataset")) }
            var body = JSONObject()
            let tags = try input.keyValues("tags")
            if !tags.isEmpty { body["tags"] = MLflowJSON.keyValues(tags) }
            var stored: JSONObject = [
                "name": .string(try dataset.requiredString("name")),
                "digest": .string(try dataset.requiredString("digest")),
                "source_type": .string(try dataset.requiredString("source_type")),
                "source": .string(try dataset.requiredString("source")),
            ]
            for optional in ["schema", "profile"] {
                if let value = try dataset.string(optional) { stored[optional] = .string(value) }
            }
            body["dataset"] = .object(stored)
            datasets.append(.object(body))
        }
        var models: [String] = []
        for model in try fields.objects("models") { models.append(try model.requiredString("model_id")) }
        try await accessibleRun(runID, context)
        try await store.logInputs(runID: runID, datasets: datasets, modelIDs: models)
        return Self.ok()
    }

    @Sendable func logOutputs(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        guard fields.object["models"] != nil else { throw MLflowError.missing("models") }
        var models: [(modelID: String, step: Int64)] = []
        for model in try fields.objects("models") {
            models.append((try model.requiredString("model_id"), try model.int64("step") ?? 0))
        }
        try await accessibleRun(runID, context)
        for (modelID, _) in models { try await accessibleModel(modelID, context) }
        try await store.logOutputs(runID: runID, models: models)
        return Self.ok()
    }

    @Sendable func logModel(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try await MLflowFields.body(request, context: context)
        let runID = try fields.runID()
        let text = try fields.requiredString("model_json")
        guard let model = (try? JSONValue(parsing: text))?.objectValue else {
            throw MLflowError.invalid("Malformed model info. \n \(text) \n is not a valid JSON.")
        }
        let missing = ["artifact_path", "flavors", "run_id", "utc_time_created"].filter { model[$0] == nil }
        guard missing.isEmpty else {
            throw MLflowError.invalid(
                "Model json is missing mandatory fields: " + missing.map { "'\($0)'" }.joined(separator: ", ") + ".")
        }
        try await accessibleRun(runID, context)
        try await store.recordLoggedModel(runID: runID, model: model)
        return Self.ok()
    }

    // MARK: Metrics

    @Sendable func getMetricHistory(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try Self.query(request)
        let runID = try fields.runID()
        let key = try fields.requiredString("metric_key")
        let maxResults = try fields.int64("max_results")
        if let maxResults, maxResults <= 0 {
            throw MLflowError.invalid(
                "Invalid value \(maxResults) for parameter 'max_results' supplied. It must be a positive integer.")
        }
        try await accessibleRun(runID, context)
        let page = try await store.metricHistoryPage(
            runID: runID, key: key, maxResults: maxResults.map { Int(min($0, 1_000_000)) },
            pageToken: try fields.string("page_token"))
        var body = JSONObject()
        if !page.metrics.isEmpty {
            body["metrics"] = .array(page.metrics.map { MLflowJSON.metric($0, withModel: true) })
        }
        if let token = page.nextPageToken { body["next_page_token"] = .string(token) }
        return Self.ok(.object(body))
    }
}
