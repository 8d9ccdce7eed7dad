import AzureML
import Hummingbird

extension MLflowRoutes {
    /// The wire numbers of `LoggedModelStatus`, which a client may send instead of the names.
    static let loggedModelStatusNumbers = [
        1: "LOGGED_MODEL_PENDING", 2: "LOGGED_MODEL_READY", 3: "LOGGED_MODEL_UPLOAD_FAILED",
    ]

    @Sendable func createLoggedModel(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let caller = try Self.caller(context)
        let fields = try await MLflowFields.body(request, context: context)
        let experimentID = try fields.requiredString("experiment_id")
        let sourceRunID = try fields.string("source_run_id").flatMap { $0.isEmpty ? nil : $0 }
        if let sourceRunID { try await accessibleRun(sourceRunID, context) }
        let details = try await store.createLoggedModel(
            experimentID: experimentID, name: try fields.string("name").flatMap { $0.isEmpty ? nil : $0 },
            modelType: try fields.string("model_type") ?? "", sourceRunID: sourceRunID,
            params: try fields.keyValues("params"), tags: try fields.keyValues("tags"), tokenRunID: caller.tokenRunID)
        return Self.ok(["model": MLflowJSON.loggedModel(details)])
    }

    @Sendable func getLoggedModel(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let id = context.parameters.get("modelID") ?? ""
        try await accessibleModel(id, context)
        return Self.ok(["model": MLflowJSON.loggedModel(try await store.loggedModelDetails(id: id))])
    }

    @Sendable func finalizeLoggedModel(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let id = context.parameters.get("modelID") ?? ""
        let fields = try await MLflowFields.body(request, context: context)
        if let bodyID = try fields.string("model_id"), !bodyID.isEmpty, bodyID != id {
            throw MLflowError.invalid("The model_id '\(bodyID)' of the body is not the model '\(id)' of the path.")
        }
        let status: String
        if let number = try? fields.int64("status") {
            guard let name = Self.loggedModelStatusNumbers[Int(number)] else {
                throw MLflowError.invalid("Invalid value \(number) for parameter 'status' supplied.")
            }
            status = name
        } else {
            status = try fields.requiredString("status")
        }
        try await accessibleModel(id, context)
        return Self.ok(["model": MLflowJSON.loggedModel(try await store.finalizeLoggedModel(id: id, status: status))])
    }

    /// Searches by experiment and `MLflowLoggedModelFilter`; `datasets` or `order_by` are refused rather than
    /// ignored.
    @Sendable func searchLoggedModels(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let caller = try Self.caller(context)
        let fields = try await MLflowFields.body(request, context: context)
        for unsupported in ["datasets", "order_by"] {
            let value = fields.object[unsupported]
            guard value == nil || value?.isNull == true || value?.arrayValue?.isEmpty == true else {
                throw MLflowError.invalid(
                    "The local workspace searches logged models by experiment and filter only; '\(unsupported)' is "
                        + "not supported.")
            }
        }
        let filter = try MLflowLoggedModelFilter(parsing: try fields.string("filter") ?? "")
        var experimentIDs: [Int64] = []
        for text in try fields.strings("experiment_ids") {
            guard let id = Int64(text) else { throw MLflowError.experimentNotFound(id: text) }
            experimentIDs.append(id)
        }
        guard !experimentIDs.isEmpty else { throw MLflowError.missing("experiment_ids") }
        let limit = Int(try fields.int64("max_results") ?? 100)
        guard limit > 0 else {
            throw MLflowError.invalid(
                "Invalid value \(limit) for parameter 'max_results' supplied. It must be a positive integer.")
        }
        var offset = 0
        if let token = try fields.string("page_token"), !token.isEmpty {
            guard let value = Int(token), value >= 0 else {
                throw MLflowError.invalid("Invalid page token '\(token)'.")
            }
            offset = value
        }
        let page = try await store.searchLoggedModels(
            experimentIDs: experimentIDs, filter: filter, visibleTo: caller.tokenRunID, limit: min(limit, 10_000),
            offset: offset)
        var body = JSONObject()
        if !page.models.isEmpty { body["models"] = .array(page.models.map(MLflowJSON.loggedModel)) }
        if let next = page.nextOffset { body["next_page_token"] = .string(String(next)) }
        return Self.ok(.object(body))
    }
}
