import AzureML
import HTTPTypes
import Hummingbird

/// The MLflow tracking REST subset of ../shared/reference/mlflow-protocol.md, under `/api/2.0/mlflow/` and, as
/// MLflow's UI calls them, `/ajax-api/2.0/mlflow/`:
///
/// - experiments: `GET experiments/get-by-name`, `GET experiments/get`, `POST experiments/create`
/// - runs: `POST runs/create`, `GET runs/get`, `POST runs/update`, `POST runs/log-batch`, `runs/log-metric`,
///   `runs/log-parameter`, `runs/set-tag`, `runs/delete-tag`, `runs/log-inputs`, `runs/outputs`, `runs/log-model`
/// - `GET metrics/get-history`
/// - logged models (mlflow ≥ 3): `POST logged-models`, `GET|PATCH logged-models/{id}`, `POST logged-models/search`
///
/// Requests carry `Authorization: Bearer` with the workspace token or a run's tracking token (`MLflowCaller`).
/// Errors are MLflow's JSON (`MLflowError`); other paths under `/api/` answer 404 `ENDPOINT_NOT_FOUND`.
struct MLflowRoutes: Sendable {
    /// Where the tracking API is mounted.
    static let prefixes = ["api/2.0/mlflow", "ajax-api/2.0/mlflow"]

    let services: WorkspaceServices

    var store: MLflowStore { services.mlflow }

    /// Whether a path belongs to the MLflow family (tracking, artifacts, later API versions): its errors are
    /// MLflow's JSON and its token may be a run's.
    static func isMLflowPath(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path.hasPrefix("/ajax-api/")
    }

    func register(on router: Router<WorkspaceRequestContext>) {
        for prefix in Self.prefixes {
            let group = router.group(RouterPath(prefix))
            group.get("experiments/get-by-name", use: getExperimentByName)
            group.get("experiments/get", use: getExperiment)
            group.post("experiments/create", use: createExperiment)
            group.post("runs/create", use: createRun)
            group.get("runs/get", use: getRun)
            group.post("runs/update", use: updateRun)
            group.post("runs/log-batch", use: logBatch)
            group.post("runs/log-metric", use: logMetric)
            group.post("runs/log-parameter", use: logParameter)
            group.post("runs/set-tag", use: setTag)
            group.post("runs/delete-tag", use: deleteTag)
            group.post("runs/log-inputs", use: logInputs)
            group.post("runs/outputs", use: logOutputs)
            group.post("runs/log-model", use: logModel)
            group.get("metrics/get-history", use: getMetricHistory)
            group.post("logged-models", use: createLoggedModel)
            group.post("logged-models/search", use: searchLoggedModels)
            group.get("logged-models/:modelID", use: getLoggedModel)
            group.patch("logged-models/:modelID", use: finalizeLoggedModel)
        }
    }

    // MARK: Helpers

    /// The authenticated caller (set by `BearerTokenMiddleware`).
    static func caller(_ context: WorkspaceRequestContext) throws(MLflowError) -> MLflowCaller {
        guard let caller = context.mlflowCaller else { throw .unauthenticated("Authentication is required.") }
        return caller
    }

    /// The query string's fields.
    static func query(_ request: Request) throws(MLflowError) -> MLflowFields {
        try MLflowFields(query: request.uri.query)
    }

    /// The run, when it exists (404) and the caller may use it (403).
    @discardableResult
    func accessibleRun(_ id: String, _ context: WorkspaceRequestContext) async throws -> MLflowRunRecord {
        let caller = try Self.caller(context)
        guard let run = try await store.runRecord(id: id) else { throw MLflowError.runNotFound(id) }
        guard caller.canAccess(run) else { throw caller.denied("run '\(id)'") }
        return run
    }

    /// The logged model, when it exists (404) and the caller may use it (403).
    @discardableResult
    func accessibleModel(_ id: String, _ context: WorkspaceRequestContext) async throws -> MLflowLoggedModelRecord {
        let caller = try Self.caller(context)
        guard let model = try await store.loggedModelRecord(id: id) else { throw MLflowError.modelNotFound(id) }
        guard caller.canAccess(model) else { throw caller.denied("logged model '\(id)'") }
        return model
    }

    /// `200` with a JSON body.
    static func ok(_ json: JSONValue = .object(JSONObject())) -> Response {
        JSONResponse.make(status: .ok, json: json)
    }

    // MARK: Experiments

    @Sendable func getExperimentByName(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        _ = try Self.caller(context)
        let name = try Self.query(request).requiredString("experiment_name")
        guard let record = try await store.experimentRecord(named: name) else {
            throw MLflowError.notFound("Could not find experiment with name '\(name)'")
        }
        return Self.ok(["experiment": MLflowJSON.experiment(record, tags: try await store.experimentTags(record.id))])
    }

    @Sendable func getExperiment(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        _ = try Self.caller(context)
        let id = try Self.query(request).requiredString("experiment_id")
        guard let record = try await store.experimentRecord(id: id) else {
            throw MLflowError.experimentNotFound(id: id)
        }
        return Self.ok(["experiment": MLflowJSON.experiment(record, tags: try await store.experimentTags(record.id))])
    }

    @Sendable func createExperiment(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        _ = try Self.caller(context)
        let fields = try await MLflowFields.body(request, context: context)
        let name = try fields.requiredString("name")
        // The artifact location is the server's to choose: the client uploads through mlflow-artifacts.
        _ = try fields.string("artifact_location")
        let record = try await store.createExperiment(name: name, tags: try fields.keyValues("tags"))
        return Self.ok(["experiment_id": .string(String(record.id))])
    }
}
