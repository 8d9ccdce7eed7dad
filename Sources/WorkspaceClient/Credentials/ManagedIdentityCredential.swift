import AzureML

/// A managed identity: the instance metadata service (IMDS) of a VM, scale set or container, or the
/// `IDENTITY_ENDPOINT` / `IDENTITY_HEADER` endpoint of App Service and Functions. Every failure makes the credential
/// unavailable rather than refused: an endpoint that does not answer within the short deadline, one that says no
/// identity is assigned, and whatever else answers at the metadata address (another cloud's metadata service).
public struct ManagedIdentityCredential: TokenCredential, CustomStringConvertible {
    /// Where the identity's tokens come from.
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        /// IMDS at `host` (`http://169.254.169.254`, or `AZURE_POD_IDENTITY_AUTHORITY_HOST`).
        case imds(host: String)
        /// App Service's endpoint and its secret header value.
        case appService(endpoint: String, secret: String)

        /// Never shows the App Service secret.
        public var description: String {
            switch self {
            case .imds(let host): "IMDS at \(host)"
            case .appService(let endpoint, _): "App Service identity endpoint \(endpoint)"
            }
        }
    }

    /// IMDS's address.
    public static let imdsHost = "http://169.254.169.254"

    /// `ManagedIdentityCredential`.
    public let name = "ManagedIdentityCredential"
    /// The endpoint asked.
    public let endpoint: Endpoint
    /// A user-assigned identity's client id; `nil` for the system-assigned identity.
    public let clientID: String?
    private let resource: String
    private let transport: CredentialTransport

    /// A credential; `transport` should have a short deadline and no retries, since on a machine without a
    /// managed identity nothing answers.
    public init(endpoint: Endpoint, clientID: String?, cloud: AzureCloud, transport: CredentialTransport) {
        self.endpoint = endpoint
        self.clientID = clientID
        resource = cloud.resourceManager
        self.transport = transport
    }

    /// App Service's endpoint when `IDENTITY_ENDPOINT` and `IDENTITY_HEADER` are both set, else IMDS (at
    /// `AZURE_POD_IDENTITY_AUTHORITY_HOST` when set).
    public static func endpoint(environment: [String: String]) -> Endpoint {
        if let url = environment["IDENTITY_ENDPOINT"], !url.isEmpty, let secret = environment["IDENTITY_HEADER"],
            !secret.isEmpty
        {
            return .appService(endpoint: url, secret: secret)
        }
        var host = environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? imdsHost
        while host.hasSuffix("/") { host.removeLast() }
        return .imds(host: host)
    }

    /// Asks the endpoint for a token for Resource Manager.
    public func requestToken() async throws -> AccessToken {
        var query = [("resource", resource)]
        if let clientID { query.append(("client_id", clientID)) }
        let url: BlobURL
        let headers: [Header]
        switch endpoint {
        case .imds(let host):
            url = BlobURL(host + "/metadata/identity/oauth2/token").adding([("api-version", "2018-02-01")] + query)
            headers = [Header("Metadata", "true")]
        case .appService(let base, let secret):
            url = BlobURL(base).adding([("api-version", "2019-08-01")] + query)
            headers = [Header("X-IDENTITY-HEADER", secret)]
        }
        let reply: CredentialTransport.Reply
        do {
            reply = try await transport.send(method: "GET", url: url.string, headers: headers, form: nil)
        } catch let error as WorkspaceClientError where error.kind == "transport" || error.isTimeout {
            throw WorkspaceClientError.credentialUnavailable(name, "no answer from \(endpoint) (\(error.message))")
        }
        guard (200..<300).contains(reply.status) else {
            // Whatever answers at the metadata address and refuses (no identity assigned, another cloud's metadata
            // service) means that there is no managed identity here, so a chain moves on.
            let detail = CredentialTransport.refusal(reply, source: name).message
            throw WorkspaceClientError.credentialUnavailable(name, "no managed identity is available: \(detail)")
        }
        do {
            return try transport.token(from: reply, source: name)
        } catch {
            throw WorkspaceClientError.credentialUnavailable(name, error.message)
        }
    }

    public var description: String {
        "ManagedIdentityCredential(\(endpoint)" + (clientID.map { ", client: \($0)" } ?? "") + ")"
    }
}
