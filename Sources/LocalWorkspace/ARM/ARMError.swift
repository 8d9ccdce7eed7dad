import AzureML
import HTTPTypes
import Hummingbird

/// An error answered with ARM's body, `{"error": {"code", "message", "target"?}}`, and an HTTP status; the edge
/// middleware turns it into the response.
struct ARMError: Error, Sendable, Hashable, HTTPResponseError {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The body.
    var body: ARMErrorResponse

    /// An error with a status, an ARM code, a message and an optional target.
    init(_ status: HTTPResponse.Status, code: String, message: String, target: String? = nil) {
        self.status = status
        body = ARMErrorResponse(code: code, message: message, target: target)
    }

    /// Renders the error as ARM does.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, json: body.json)
    }

    /// 404 `ResourceNotFound` with ARM's wording; `path` is the resource path below the resource group's
    /// provider, such as `workspaces/local/jobs/x`.
    static func notFound(_ path: String) -> ARMError {
        ARMError(
            .notFound, code: "ResourceNotFound",
            message: "The Resource 'Microsoft.MachineLearningServices/\(path)' under resource group "
                + "'\(LocalWorkspaceServer.workspace.resourceGroup)' was not found.")
    }

    /// 404 for a workspace resource.
    static func notFound(_ resource: ResourceID) -> ARMError {
        notFound("workspaces/\(LocalWorkspaceServer.workspace.workspace)\(resource.relativePath)")
    }

    /// 400 `UserError` for a body that does not match the wire model; the target is the field's JSON path.
    static func invalidBody(_ error: AzureMLError) -> ARMError {
        let field = error.location ?? "body"
        return ARMError(
            .badRequest, code: "UserError", message: "Invalid request body: \(field): \(error.message)", target: field)
    }

    /// 400 `UserError` with a message and target.
    static func userError(_ message: String, target: String? = nil) -> ARMError {
        ARMError(.badRequest, code: "UserError", message: message, target: target)
    }

    /// 409 `UserError`: a change to an existing resource that the service does not allow.
    static func conflict(_ message: String, target: String? = nil) -> ARMError {
        ARMError(.conflict, code: "UserError", message: message, target: target)
    }
}
