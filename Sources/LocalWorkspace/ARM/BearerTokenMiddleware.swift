import HTTPTypes
import Hummingbird

/// Requires `Authorization: Bearer <token>` on every request except blob requests (which carry a SAS). It runs
/// before any route reads the body, so a request without the token gets 401 without its body being read.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = WorkspaceRequestContext

    let token: [UInt8]

    init(token: String) {
        self.token = Array(token.utf8)
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.uri.path.hasPrefix(BlobRoutes.prefix + "/") { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw Self.unauthorized(
                code: "AuthenticationFailed", message: "Authentication failed. The 'Authorization' header is missing.")
        }
        let scheme = header.prefix(7).lowercased()
        guard scheme == "bearer ", Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), token) else {
            throw Self.unauthorized(code: "InvalidAuthenticationToken", message: "The access token is invalid.")
        }
        return try await next(request, context)
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
