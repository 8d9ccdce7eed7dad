/// A source of bearer tokens for one resource (Azure Resource Manager, or a local workspace server). Implementations
/// throw `WorkspaceClientError.credentialUnavailable` when they cannot be used here (so a chain tries the next)
/// and `WorkspaceClientError.authenticationFailed` when they were refused.
public protocol TokenCredential: Sendable {
    /// A short name for messages, e.g. `ClientSecretCredential`.
    var name: String { get }

    /// Asks the source for a new token (no caching: `TokenCache` does that).
    func requestToken() async throws -> AccessToken
}
