import Foundation

/// Workload identity federation (`AZURE_FEDERATED_TOKEN_FILE` with `AZURE_CLIENT_ID` and `AZURE_TENANT_ID`, as
/// Kubernetes and CI systems provide): the file's token is exchanged for an Entra ID token with a `jwt-bearer`
/// client assertion. The file is read on every request, since its token rotates.
public struct WorkloadIdentityCredential: TokenCredential, CustomStringConvertible {
    /// `WorkloadIdentityCredential`.
    public let name = "WorkloadIdentityCredential"
    /// The directory (tenant) id.
    public let tenantID: String
    /// The application (client) id.
    public let clientID: String
    /// The file holding the federated token.
    public let tokenFile: String
    private let cloud: AzureCloud
    private let transport: CredentialTransport

    /// A credential.
    public init(
        tenantID: String, clientID: String, tokenFile: String, cloud: AzureCloud, transport: CredentialTransport
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.tokenFile = tokenFile
        self.cloud = cloud
        self.transport = transport
    }

    /// Reads the federated token and exchanges it.
    public func requestToken() async throws -> AccessToken {
        let url = try cloud.tokenEndpoint(tenant: tenantID, source: name)
        let assertion: String
        do {
            assertion = try String(contentsOfFile: tokenFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw WorkspaceClientError.authenticationFailed(
                name, "cannot read the federated token file \(tokenFile) (AZURE_FEDERATED_TOKEN_FILE)")
        }
        guard !assertion.isEmpty else {
            throw WorkspaceClientError.authenticationFailed(name, "the federated token file \(tokenFile) is empty")
        }
        let reply = try await transport.send(
            method: "POST", url: url, headers: [],
            form: [
                ("client_assertion", assertion),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_id", clientID), ("grant_type", "client_credentials"), ("scope", cloud.scope),
            ])
        guard (200..<300).contains(reply.status) else { throw CredentialTransport.refusal(reply, source: name) }
        return try transport.token(from: reply, source: name)
    }

    public var description: String {
        "WorkloadIdentityCredential(tenant: \(tenantID), client: \(clientID), file: \(tokenFile))"
    }
}
