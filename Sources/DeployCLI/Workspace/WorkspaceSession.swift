import AsyncHTTPClient
import AzureML
import DeployPlan
import LocalWorkspace
import NIOCore
import WorkspaceClient

/// The workspace a command works on, connected for the duration of the command: the selection and why it was made
/// (`--workspace`, environment variables, `config.json`, or the local default), a client, and the local workspace
/// server this process started when no `deploy serve` was running for a local workspace. `plan`, `apply` and
/// `jobs` open one with `with(...)`, which shuts everything down afterwards.
struct WorkspaceSession {
    /// The workspace chosen, and why.
    let selection: WorkspaceSelection
    /// The client every request goes through.
    let client: ARMClient
    /// Why this workspace, including how it is reached (`deploy serve` at a URL, or a server started in-process).
    let reason: String
    /// Whether the local workspace server runs in this process, so it stops (and its jobs with it) when the command
    /// ends.
    var inProcess = false

    /// The workspace as a plan reports it.
    var planWorkspace: PlanWorkspace {
        PlanWorkspace(id: client.workspace, target: selection.target.description, reason: reason)
    }

    /// The workspace a selection names, before connecting (the local workspace's id for local directories).
    static func workspaceID(of selection: WorkspaceSelection) -> WorkspaceID {
        switch selection.target {
        case .local: LocalWorkspaceServer.workspace
        case .azure(let workspace), .endpoint(_, let workspace): workspace
        }
    }

    /// Connects to the selected workspace, starting the local workspace server in-process when the selection is a
    /// local directory without a live `deploy serve`, runs `body`, and shuts down the server and the HTTP client.
    /// `configuration` sets the client's retries and deadlines (its `baseURL` is replaced per target);
    /// `connectionsPerHost` bounds the HTTP connections to one host (`apply` raises it to its parallelism).
    static func with<Result: Sendable>(
        _ selection: WorkspaceSelection, environment: [String: String], tokenFile: String?,
        localOptions: LocalWorkspaceOptions = LocalWorkspaceOptions(),
        configuration: ARMClient.Configuration = ARMClient.Configuration(), connectionsPerHost: Int = 8,
        _ body: (WorkspaceSession) async throws -> Result
    ) async throws -> Result {
        var httpConfiguration = ARMClient.httpConfiguration
        httpConfiguration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, connectionsPerHost))
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        var server: RunningLocalWorkspace?
        do {
            let connector = WorkspaceConnector(
                environment: environment, httpClient: httpClient, defaultLocalWorkspace: LocalWorkspaceServer.workspace,
                configuration: configuration, tokenFile: tokenFile)
            let session: WorkspaceSession
            switch try await connector.connect(selection) {
            case .connected(let client):
                var reason = selection.reason
                if case .local = selection.target {
                    reason += "; served by deploy serve at \(client.configuration.baseURL)"
                }
                session = WorkspaceSession(selection: selection, client: client, reason: reason)
            case .needsLocalServer(let directory, let why):
                let started = try await LocalWorkspaceServer.start(directory: directory, options: localOptions)
                server = started
                var configuration = configuration
                configuration.baseURL = started.url
                let client = try ARMClient(
                    workspace: started.workspace,
                    credential: StaticTokenCredential(token: started.token, name: "\(directory)/credentials.json"),
                    configuration: configuration, httpClient: httpClient)
                session = WorkspaceSession(
                    selection: selection, client: client,
                    reason: selection.reason + "; started in-process for this command (\(why))", inProcess: true)
            }
            let result = try await body(session)
            try await server?.shutdown()
            try await httpClient.shutdown()
            return result
        } catch {
            try? await server?.shutdown()
            try? await httpClient.shutdown()
            throw error
        }
    }
}
