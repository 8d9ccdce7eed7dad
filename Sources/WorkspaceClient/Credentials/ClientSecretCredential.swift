/// A service principal with a client secret (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_CLIENT_SECRET`): the
/// OAuth 2 client credentials grant at `{authority}/{tenant}/oauth2/v2.0/token`.
public struct ClientSecretCredential: TokenCredential, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// `EnvironmentCredential`, as azure-identity calls the source that reads these variables.
    public let name = "EnvironmentCredential"
    /// The directory (tenant) id.
    public let tenantID: String
    /// The application (client) id.
    public let clientID: String
    private let clientSecret: String
    private let cloud: AzureCloud
    private let transport: CredentialTransport

    /// A credential.
    public init(
        tenantID: String, clientID: String, clientSecret: String, cloud: AzureCloud, transport: CredentialTransport
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.cloud = cloud
        self.transport = transport
    }

    /// Asks the token endpoint for a token.
    public func requestToken() async throws -> AccessToken {
        let url = try cloud.tokenEndpoint(tenant: tenantID, source: name)
        let reply = try await transport.send(
            method: "POST", url: url, headers: [],
            form: [
                ("client_id", clientID), ("client_secret", clientSecret), ("grant_type", "client_credentials"),
                ("scope", cloud.scope),
            ])
        guard (200..<300).contains(reply.status) else { throw CredentialTransport.refusal(reply, source: name) }
        return try transport.token(from: reply, source: name)
    }

    public var description: String {
        "ClientSecretCredential(tenant: \(tenantID), client: \(clientID), secret: <redacted>)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["tenantID": tenantID, "clientID": clientID]) }
}
