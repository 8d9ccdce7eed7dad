public import AsyncHTTPClient
public import AzureML

/// Turns a `WorkspaceSelection` into a client: Azure workspaces get the default Azure credential chain and the
/// cloud's Resource Manager endpoint; endpoint URLs get their server token; local workspaces get their running
/// `deploy serve`, or are reported as needing one started in-process (the CLI does that, since this module does
/// not know the local workspace server).
public struct WorkspaceConnector: Sendable {
    /// The result of connecting.
    public enum Connection: Sendable {
        /// A client for the workspace (borrowing the connector's `HTTPClient`).
        case connected(ARMClient)
        /// No live server for the local workspace in `directory`; the caller must start one.
        case needsLocalServer(directory: String, reason: String)
    }

    /// The process environment (credentials, cloud endpoints, `DEPLOY_TOKEN`).
    public var environment: [String: String]
    /// The HTTP client every client borrows.
    public var httpClient: HTTPClient
    /// The base configuration (its `baseURL` is replaced per target).
    public var configuration: ARMClient.Configuration
    /// `--token-file`, for endpoint URLs.
    public var tokenFile: String?
    /// The workspace a local server serves when its `server.json` does not say.
    public var defaultLocalWorkspace: WorkspaceID
    /// Options of the Azure credential chain.
    public var credentialOptions: DefaultAzureCredential.Options
    /// Seconds a running local server gets to answer the liveness probe.
    public var discoveryTimeout: Double = 3

    /// A connector.
    public init(
        environment: [String: String], httpClient: HTTPClient, defaultLocalWorkspace: WorkspaceID,
        configuration: ARMClient.Configuration = ARMClient.Configuration(), tokenFile: String? = nil,
        credentialOptions: DefaultAzureCredential.Options? = nil
    ) {
        self.environment = environment
        self.httpClient = httpClient
        self.defaultLocalWorkspace = defaultLocalWorkspace
        self.configuration = configuration
        self.tokenFile = tokenFile
        self.credentialOptions =
            credentialOptions ?? DefaultAzureCredential.Options(transport: CredentialTransport(httpClient: httpClient))
    }

    /// Connects to the selected workspace.
    public func connect(_ selection: WorkspaceSelection) async throws -> Connection {
        var configuration = configuration
        switch selection.target {
        case .azure(let workspace):
            let credential = DefaultAzureCredential(environment: environment, options: credentialOptions)
            configuration.baseURL = AzureCloud(environment: environment).resourceManager
            return .connected(
                try ARMClient(
                    workspace: workspace, credential: credential, configuration: configuration, httpClient: httpClient
                ))
        case .endpoint(let baseURL, let workspace):
            let credential = try EndpointToken.credential(
                environment: environment, tokenFile: tokenFile, baseURL: baseURL)
            configuration.baseURL = baseURL
            return .connected(
                try ARMClient(
                    workspace: workspace, credential: credential, configuration: configuration, httpClient: httpClient
                ))
        case .local(let directory):
            switch try await LocalServerDiscovery.discover(
                directory: directory, httpClient: httpClient, timeout: discoveryTimeout)
            {
            case .notRunning(let reason):
                return .needsLocalServer(directory: directory, reason: reason)
            case .running(let server):
                configuration.baseURL = server.baseURL
                let credential = StaticTokenCredential(token: server.token, name: "\(directory)/credentials.json")
                return .connected(
                    try ARMClient(
                        workspace: server.workspace ?? defaultLocalWorkspace, credential: credential,
                        configuration: configuration, httpClient: httpClient))
            }
        }
    }
}
