/// The endpoints of an Azure cloud that credentials and the ARM client need: the Microsoft Entra ID authority and
/// Azure Resource Manager. Sovereign clouds set both (`AZURE_AUTHORITY_HOST`, `AZURE_RESOURCE_MANAGER_ENDPOINT`).
public struct AzureCloud: Sendable, Hashable {
    /// The authority host, e.g. `https://login.microsoftonline.com`.
    public var authorityHost: String
    /// The resource manager endpoint, e.g. `https://management.azure.com`.
    public var resourceManager: String

    /// Azure's public cloud.
    public static let publicCloud = AzureCloud(
        authorityHost: "https://login.microsoftonline.com", resourceManager: "https://management.azure.com")

    /// A cloud; trailing slashes are dropped.
    public init(authorityHost: String, resourceManager: String) {
        self.authorityHost = Self.trimmed(authorityHost)
        self.resourceManager = Self.trimmed(resourceManager)
    }

    /// The public cloud, with `AZURE_AUTHORITY_HOST` (azure-identity's variable) and
    /// `AZURE_RESOURCE_MANAGER_ENDPOINT` (ours) overriding its endpoints when set.
    public init(environment: [String: String]) {
        self.init(
            authorityHost: environment["AZURE_AUTHORITY_HOST"].flatMap { $0.isEmpty ? nil : $0 }
                ?? AzureCloud.publicCloud.authorityHost,
            resourceManager: environment["AZURE_RESOURCE_MANAGER_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
                ?? AzureCloud.publicCloud.resourceManager)
    }

    /// The OAuth 2 scope of a token for Resource Manager: `https://management.azure.com/.default`.
    public var scope: String { resourceManager + "/.default" }

    /// Checks that the authority is `https` (or `http` on the loopback address, for tests) and returns the token
    /// endpoint of `tenant`.
    func tokenEndpoint(tenant: String, source: String) throws(WorkspaceClientError) -> String {
        guard let url = HTTPURL(authorityHost), url.scheme == "https" || url.isLoopback else {
            throw .authenticationFailed(
                source, "the authority host '\(authorityHost)' must be an https URL (AZURE_AUTHORITY_HOST)")
        }
        guard !tenant.isEmpty, tenant.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            throw .authenticationFailed(
                source, "'\(tenant)' is not a valid tenant id (AZURE_TENANT_ID): use letters, digits, '-' and '.'")
        }
        return "\(authorityHost)/\(tenant)/oauth2/v2.0/token"
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
