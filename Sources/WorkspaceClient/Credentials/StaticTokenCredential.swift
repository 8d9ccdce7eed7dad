public import Foundation

/// A token given as is: `AZURE_ACCESS_TOKEN`, or a local workspace server's bearer token. Its expiry is the
/// token's `exp` claim when it is a JWT, else never.
public struct StaticTokenCredential: TokenCredential, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Where the token came from, e.g. `AZURE_ACCESS_TOKEN`.
    public let name: String
    private let token: String
    private let now: @Sendable () -> Date

    /// A credential that always answers `token`.
    public init(token: String, name: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.token = token.trimmingCharacters(in: .whitespacesAndNewlines)
        self.name = name
        self.now = now
    }

    /// The token, unless it is an expired JWT.
    public func requestToken() async throws -> AccessToken {
        guard !token.isEmpty else { throw WorkspaceClientError.credentialUnavailable(name, "the token is empty") }
        let expiry = AccessToken.jwtExpiry(of: token) ?? .distantFuture
        guard expiry > now() else {
            throw WorkspaceClientError.authenticationFailed(
                name, "the token expired at \(ISO8601DateFormatter().string(from: expiry))")
        }
        return AccessToken(token: token, expiresOn: expiry)
    }

    public var description: String { "StaticTokenCredential(\(name), <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
