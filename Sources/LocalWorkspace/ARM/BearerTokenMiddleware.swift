import HTTPTypes
import Hummingbird

/// Requires `Authorization: Bearer <token>` on every request except blob requests (which carry a SAS) and
/// `GET /health`. It runs before any route reads the body, so a request without the token gets 401 without its
/// body being read. MLflow paths (`MLflowRoutes.isMLflowPath`) also accept a run's tracking token
/// (`MLflowStore.registerToken`) and answer MLflow's error JSON; the caller is recorded in the context.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = WorkspaceRequestContext

    /// The unauthenticated health check, so a job runner can wait for the server.
    static let healthPath = "/health"

    let token: [UInt8]
    let mlflow: MLflowStore?

    init(token: String, mlflow: MLflowStore? = nil) {
        self.token = Array(token.utf8)
        self.mlflow = mlflow
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix(BlobRoutes.prefix + "/") || path == Self.healthPath {
            return try await next(request, context)
        }
        if MLflowRoutes.isMLflowPath(path) {
            var context = context
            context.mlflowCaller = try await mlflowCaller(request)
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization] else {
            throw Self.unauthorized(
                code: "AuthenticationFailed", message: "Authentication failed. The 'Authorization' header is missing.")
        }
        guard let presented = Self.bearer(header), Self.constantTimeEqual(Array(presented.utf8), token) else {
            throw Self.unauthorized(code: "InvalidAuthenticationToken", message: "The access token is invalid.")
        }
        return try await next(request, context)
    }

    /// The workspace token, or a registered run token; 401 `UNAUTHENTICATED` otherwise.
    private func mlflowCaller(_ request: Request) async throws -> MLflowCaller {
        guard let header = request.headers[.authorization] else {
            throw MLflowError.unauthenticated(
                "Authentication is required: the 'Authorization' header is missing (set MLFLOW_TRACKING_TOKEN).")
        }
        guard let presented = Self.bearer(header) else {
            throw MLflowError.unauthenticated("The tracking token is invalid.")
        }
        if Self.constantTimeEqual(Array(presented.utf8), token) { return .workspace }
        if let mlflow, let runID = try await mlflow.runID(forToken: presented) { return .run(runID) }
        throw MLflowError.unauthenticated("The tracking token is invalid.")
    }

    /// The token of `Bearer <token>` (scheme case-insensitive).
    private static func bearer(_ header: String) -> String? {
        guard header.prefix(7).lowercased() == "bearer " else { return nil }
        return String(header.dropFirst(7))
    }

    private static func unauthorized(code: String, message: String) -> ARMError {
        ARMError(.unauthorized, code: code, message: message)
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
