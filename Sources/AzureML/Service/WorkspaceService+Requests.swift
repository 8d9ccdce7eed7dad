/// The requests every caller of a workspace needs, built on `send(_:)`: checked sends, GET (nil on 404), PUT, and
/// lists that follow `nextLink`.
extension WorkspaceService {
    /// Sends `request` and returns the response when its status is 2xx; otherwise throws
    /// `AzureMLError.requestFailed` with the server's ARM error.
    public func sendExpectingSuccess(_ request: ARMRequest) async throws -> ARMResponse {
        let response = try await send(request)
        guard response.isSuccess else { throw Self.failure(of: request, response) }
        return response
    }

    /// GETs the resource at `path` (workspace-relative, or an absolute URL); `nil` when it does not exist. A 404
    /// saying that the workspace, resource group or subscription is missing is an error, not an absent resource.
    public func getResource(_ path: String, apiVersion: String?) async throws -> ARMResource? {
        let request = ARMRequest(method: "GET", path: path, apiVersion: apiVersion)
        let response = try await send(request)
        if response.status == 404, !Self.parentMissingCodes.contains(response.armError?.error.code ?? "") {
            return nil
        }
        guard response.isSuccess else { throw Self.failure(of: request, response) }
        return try Self.resource(in: response, of: request)
    }

    /// GETs a workspace resource with the api-version the SDK reads it with, unless one is given; `nil` when it
    /// does not exist.
    public func getResource(_ resource: ResourceID, apiVersion: String? = nil) async throws -> ARMResource? {
        try await getResource(resource.relativePath, apiVersion: apiVersion ?? APIVersion.read(resource.kind))
    }

    /// PUTs `body` at `path`, waits for the operation when the server answers asynchronously, and returns the
    /// resource as stored.
    public func putResource(
        _ path: String, apiVersion: String, body: JSONValue, polling: PollingOptions = .standard
    ) async throws -> ARMResource {
        let request = ARMRequest(method: "PUT", path: path, apiVersion: apiVersion, body: body)
        let response = try await sendAndWait(request, polling: polling)
        return try Self.resource(in: response, of: request)
    }

    /// Sends `request`, throws unless it succeeds, and when the server answers with an asynchronous operation
    /// (`Azure-AsyncOperation`, or 202 with `Location`) waits for it to end; returns the final response.
    public func sendAndWait(_ request: ARMRequest, polling: PollingOptions = .standard) async throws -> ARMResponse {
        let response = try await sendExpectingSuccess(request)
        guard Self.isAsynchronous(response) else { return response }
        return try await waitForOperation(started: response, by: request, polling: polling)
    }

    /// Every resource of the list at `path`, following `nextLink` until the last page or until `limit` resources
    /// were read.
    public func listResources(
        _ path: String, apiVersion: String, query: [ARMRequest.QueryItem] = [], limit: Int? = nil
    ) async throws -> [ARMResource] {
        var request = ARMRequest(method: "GET", path: path, apiVersion: apiVersion, query: query)
        var resources: [ARMResource] = []
        var seenLinks: Set<String> = []
        while true {
            let response = try await sendExpectingSuccess(request)
            guard let body = response.body else {
                throw AzureMLError.invalidBody("the list response has no body", field: "body")
            }
            let page = try ARMPage(json: body)
            resources.append(contentsOf: page.value)
            if let limit, resources.count >= limit { return Array(resources.prefix(limit)) }
            guard let next = page.nextLink, !next.isEmpty else { return resources }
            guard seenLinks.insert(next).inserted else {
                throw AzureMLError.invalidBody("the list repeats the nextLink '\(next)'", field: "nextLink")
            }
            request = ARMRequest(method: "GET", path: next, apiVersion: nil)
        }
    }

    /// Codes of a 404 that is about the workspace's parents rather than the resource asked for.
    static var parentMissingCodes: Set<String> {
        [
            "ParentResourceNotFound", "ResourceGroupNotFound", "SubscriptionNotFound", "WorkspaceNotFound",
            "InvalidSubscriptionId",
        ]
    }

    /// `METHOD path`, without the query (which may carry signatures).
    static func describe(_ request: ARMRequest) -> String {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        return "\(request.method) \(path)"
    }

    /// The error for a response with a non-2xx status: the server's ARM error, or one made from the status when
    /// the body is not an ARM error.
    static func failure(of request: ARMRequest, _ response: ARMResponse) -> AzureMLError {
        let detail =
            response.armError?.error
            ?? ARMErrorDetail(code: "HttpStatus\(response.status)", message: "the server sent no ARM error body")
        return .requestFailed(describe(request), status: response.status, error: detail)
    }

    static func resource(in response: ARMResponse, of request: ARMRequest) throws -> ARMResource {
        guard let body = response.body else {
            throw AzureMLError.invalidBody(
                "\(describe(request)) answered \(response.status) without a body", field: "body")
        }
        return try ARMResource(json: body)
    }
}
