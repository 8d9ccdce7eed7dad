import AzureML
import Foundation
import Synchronization

/// azure-identity's default chain, in its order and with its variable names, after our explicit token:
/// `AZURE_ACCESS_TOKEN`; a service principal secret (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`,
/// `AZURE_CLIENT_SECRET`); workload identity (`AZURE_FEDERATED_TOKEN_FILE` with the client and tenant ids); managed
/// identity (IMDS, or App Service's `IDENTITY_ENDPOINT`); the Azure CLI. Sources that are not configured or not
/// available are skipped with a reason; the first configured source that is refused ends the chain, as in
/// azure-identity; once a source has produced a token, later requests go straight to it.
public final class DefaultAzureCredential: TokenCredential, CustomStringConvertible {
    /// One link of the chain: a credential to try, or a source skipped because it is not configured.
    public enum Source: Sendable, CustomStringConvertible {
        /// A credential to ask.
        case credential(any TokenCredential)
        /// A source that is not configured, and why.
        case skipped(name: String, reason: String)

        /// The source's name.
        public var name: String {
            switch self {
            case .credential(let credential): credential.name
            case .skipped(let name, _): name
            }
        }

        public var description: String {
            switch self {
            case .credential(let credential): "\(credential)"
            case .skipped(let name, let reason): "\(name) (skipped: \(reason))"
            }
        }
    }

    /// How the chain is built beyond the environment: endpoints, the token endpoints' transport, and the
    /// managed identity and CLI settings.
    public struct Options: Sendable {
        /// The authority and resource manager endpoints.
        public var cloud: AzureCloud
        /// Token requests (service principal, workload identity).
        public var transport: CredentialTransport
        /// The deadline for the managed identity endpoint, in seconds (nothing answers on most machines).
        public var managedIdentityTimeout: Double
        /// The `az` executable.
        public var azureCLIExecutable: String
        /// How long `az` may take, in seconds.
        public var azureCLITimeout: Double

        /// Options; the cloud defaults to the environment's (`AZURE_AUTHORITY_HOST`,
        /// `AZURE_RESOURCE_MANAGER_ENDPOINT`) when `nil`.
        public init(
            cloud: AzureCloud? = nil, transport: CredentialTransport, managedIdentityTimeout: Double = 1,
            azureCLIExecutable: String = "az", azureCLITimeout: Double = 10
        ) {
            self.cloud = cloud ?? AzureCloud.publicCloud
            cloudIsExplicit = cloud != nil
            self.transport = transport
            self.managedIdentityTimeout = managedIdentityTimeout
            self.azureCLIExecutable = azureCLIExecutable
            self.azureCLITimeout = azureCLITimeout
        }

        fileprivate var cloudIsExplicit: Bool
    }

    /// `DefaultAzureCredential`.
    public let name = "DefaultAzureCredential"
    /// The chain, in order.
    public let sources: [Source]
    private let chosen = Mutex<Int?>(nil)

    /// The chain for `environment` (the process environment in production).
    public init(environment: [String: String], options: Options) {
        let cloud = options.cloudIsExplicit ? options.cloud : AzureCloud(environment: environment)
        sources = Self.sources(environment: environment, cloud: cloud, options: options)
    }

    /// A chain of the given sources, tried in order.
    public init(sources: [Source]) {
        self.sources = sources
    }

    /// The token of the first source that gives one; when every source is unavailable, an error listing why each
    /// was skipped.
    public func requestToken() async throws -> AccessToken {
        if let index = chosen.withLock({ $0 }), case .credential(let credential) = sources[index] {
            return try await credential.requestToken()
        }
        var attempts: [WorkspaceClientError.Attempt] = []
        for (index, source) in sources.enumerated() {
            switch source {
            case .skipped(let name, let reason):
                attempts.append(.init(source: name, reason: reason))
            case .credential(let credential):
                do {
                    let token = try await credential.requestToken()
                    chosen.withLock { $0 = index }
                    return token
                } catch let error as WorkspaceClientError where error.isCredentialUnavailable {
                    attempts.append(.init(source: credential.name, reason: error.message))
                } catch let error as WorkspaceClientError {
                    attempts.append(.init(source: credential.name, reason: error.message))
                    throw WorkspaceClientError.credentialChainFailed(attempts, failure: error)
                }
            }
        }
        throw WorkspaceClientError.noCredential(attempts)
    }

    public var description: String {
        "DefaultAzureCredential(" + sources.map(\.description).joined(separator: ", ") + ")"
    }

    private static func sources(environment: [String: String], cloud: AzureCloud, options: Options) -> [Source] {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        func missing(_ names: [String]) -> [String] { names.filter { value($0) == nil } }
        var sources: [Source] = []

        if let token = value("AZURE_ACCESS_TOKEN") {
            sources.append(.credential(StaticTokenCredential(token: token, name: "AZURE_ACCESS_TOKEN")))
        } else {
            sources.append(.skipped(name: "AZURE_ACCESS_TOKEN", reason: "not set"))
        }

        let secretVariables = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET"]
        if let client = value("AZURE_CLIENT_ID"), let tenant = value("AZURE_TENANT_ID"),
            let secret = value("AZURE_CLIENT_SECRET")
        {
            sources.append(
                .credential(
                    ClientSecretCredential(
                        tenantID: tenant, clientID: client, clientSecret: secret, cloud: cloud,
                        transport: options.transport)))
        } else {
            sources.append(
                .skipped(
                    name: "EnvironmentCredential",
                    reason: "\(list(missing(secretVariables))) not set"))
        }

        let federatedVariables = ["AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_ID", "AZURE_TENANT_ID"]
        if let file = value("AZURE_FEDERATED_TOKEN_FILE"), let client = value("AZURE_CLIENT_ID"),
            let tenant = value("AZURE_TENANT_ID")
        {
            sources.append(
                .credential(
                    WorkloadIdentityCredential(
                        tenantID: tenant, clientID: client, tokenFile: file, cloud: cloud,
                        transport: options.transport)))
        } else {
            sources.append(
                .skipped(
                    name: "WorkloadIdentityCredential",
                    reason: "\(list(missing(federatedVariables))) not set"))
        }

        sources.append(
            .credential(
                ManagedIdentityCredential(
                    endpoint: ManagedIdentityCredential.endpoint(environment: environment),
                    clientID: value("AZURE_CLIENT_ID"), cloud: cloud,
                    transport: options.transport.with(timeout: options.managedIdentityTimeout, retryPolicy: .none))))

        sources.append(
            .credential(
                AzureCLICredential(
                    cloud: cloud, executable: options.azureCLIExecutable, timeout: options.azureCLITimeout)))
        return sources
    }

    private static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
