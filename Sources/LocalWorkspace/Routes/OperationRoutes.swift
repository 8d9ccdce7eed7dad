import AzureML
import HTTPTypes
import Hummingbird

/// The status URLs of asynchronous operations, under
/// `/subscriptions/{sub}/providers/Microsoft.MachineLearningServices/locations/local/`:
/// - `computeOperationsStatus/{id}` and `mfeOperationsStatus/{id}` (the `Azure-AsyncOperation` URL): 200 with
///   `{"id", "name", "status": "InProgress|Succeeded|Failed", "startTime"}`;
/// - `computeOperationResults/{id}` and `mfeOperationResults/{id}` (the `Location` URL): 202 with `Location` and
///   `Retry-After` while in progress, then 200 with the compute for a finished compute creation, 204 otherwise.
///
/// An operation's status is derived from its resource when polled, so operations survive a restart.
struct OperationRoutes: Sendable {
    let services: WorkspaceServices

    static let statusCollections: Set<String> = ["computeOperationsStatus", "mfeOperationsStatus"]
    static let resultCollections: Set<String> = ["computeOperationResults", "mfeOperationResults"]

    func register(on router: Router<WorkspaceRequestContext>) {
        router.get(
            RouterPath(
                "subscriptions/:subscription/providers/Microsoft.MachineLearningServices/locations/:location/"
                    + ":collection/:operation"),
            use: poll)
    }

    @Sendable func poll(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let subscription = try context.parameters.require("subscription")
        let location = try context.parameters.require("location")
        let collection = try context.parameters.require("collection")
        let id = try context.parameters.require("operation")
        let path =
            "locations/\(location)/\(collection)/\(id)"
        guard subscription.lowercased() == LocalWorkspaceServer.workspace.subscription,
            location.lowercased() == LocalWorkspaceServer.location,
            Self.statusCollections.contains(collection) || Self.resultCollections.contains(collection),
            let operation = try await services.store.operation(id: id),
            Self.family(of: operation) == collection.prefix(3)
        else { throw ARMError.notFound(path) }
        let (status, resource) = try await state(of: operation)
        if Self.statusCollections.contains(collection) {
            var body = AsyncOperationStatus(
                status: status,
                error: status == "Failed"
                    ? ARMErrorDetail(
                        code: "ResourceNotFound", message: "The resource was deleted before the operation ended.")
                    : nil
            ).json.objectValue!
            body["id"] = .string(request.uri.path)
            body["name"] = .string(id)
            body["startTime"] = .string(operation.createdAt)
            var headers = HTTPFields()
            if status == "InProgress" { headers[.retryAfter] = Self.retryAfter(services) }
            return JSONResponse.make(status: .ok, json: .object(body), headers: headers)
        }
        if status == "InProgress" {
            var headers = HTTPFields()
            headers[.location] = services.baseURL(request) + request.uri.path + "?" + (request.uri.query ?? "")
            headers[.retryAfter] = Self.retryAfter(services)
            return Response(status: .accepted, headers: headers)
        }
        if let resource, operation.kind == OperationKind.computeCreate.rawValue {
            return JSONResponse.make(status: .ok, json: ComputeRoutes.json(resource))
        }
        return Response(status: .noContent)
    }

    /// `InProgress`, `Succeeded` or `Failed`, and the resource when it still exists.
    private func state(of operation: OperationRecord) async throws -> (String, ResourceRecord?) {
        switch OperationKind(rawValue: operation.kind)! {
        case .computeCreate:
            let compute = try await services.store.resource(rowID: operation.resourceID)
            guard let compute else { return ("Failed", nil) }
            return (compute.state == "Creating" ? "InProgress" : "Succeeded", compute)
        case .computeDelete:
            let compute = try await services.store.resource(rowID: operation.resourceID)
            return (compute == nil ? "Succeeded" : "InProgress", compute)
        case .jobCancel:
            let job = try await services.store.resource(rowID: operation.resourceID)
            guard let job else { return ("Succeeded", nil) }
            return (JobStatus.isTerminal(job.state ?? JobStatus.notStarted) ? "Succeeded" : "InProgress", job)
        case .jobDelete:
            return ("Succeeded", nil)
        }
    }

    /// `com` for compute operations, `mfe` for job operations: an id is only valid under its own family's URLs.
    private static func family(of operation: OperationRecord) -> Substring {
        operation.kind.hasPrefix("compute") ? "com" : "mfe"
    }

    private static func retryAfter(_ services: WorkspaceServices) -> String {
        String(max(1, Int(services.options.pollInterval.rounded(.up))))
    }

    /// The headers of a 201/202 that started `operation`: `Location` and `Retry-After`, plus
    /// `Azure-AsyncOperation` for compute operations (job cancel and delete carry only `Location`, as in the
    /// spec's examples).
    static func headers(for operation: OperationRecord, request: Request, services: WorkspaceServices) -> HTTPFields {
        let version = QueryParameters(request.uri.query)["api-version"] ?? APIVersion.stable
        let base =
            services.baseURL(request) + "/subscriptions/\(LocalWorkspaceServer.workspace.subscription)/providers/"
            + "Microsoft.MachineLearningServices/locations/\(LocalWorkspaceServer.location)/"
        let isCompute = family(of: operation) == "com"
        var headers = HTTPFields()
        if isCompute {
            headers[.azureAsyncOperation] = base + "computeOperationsStatus/\(operation.id)?api-version=\(version)"
        }
        let results = isCompute ? "computeOperationResults" : "mfeOperationResults"
        headers[.location] = base + "\(results)/\(operation.id)?api-version=\(version)"
        headers[.retryAfter] = retryAfter(services)
        return headers
    }
}
