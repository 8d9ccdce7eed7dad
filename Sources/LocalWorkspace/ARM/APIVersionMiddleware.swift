import AzureML
import Hummingbird

/// Requires a supported `api-version` on every ARM request (paths under `/subscriptions/`), as ARM does, after the
/// token check.
struct APIVersionMiddleware: RouterMiddleware {
    typealias Context = WorkspaceRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.uri.path.hasPrefix("/subscriptions/") else { return try await next(request, context) }
        guard let version = QueryParameters(request.uri.query)["api-version"], !version.isEmpty else {
            throw ARMError(
                .badRequest, code: "MissingApiVersionParameter",
                message: "The api-version query parameter (?api-version=) is required for all requests.")
        }
        guard APIVersion.supported.contains(version) else {
            throw ARMError(
                .badRequest, code: "InvalidApiVersionParameter",
                message: "The api-version '\(version)' is invalid. The supported versions are '"
                    + APIVersion.supported.joined(separator: ",") + "'.")
        }
        return try await next(request, context)
    }
}
