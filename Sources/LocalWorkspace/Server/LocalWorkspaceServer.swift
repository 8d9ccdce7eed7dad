public import AzureML
import GRDB
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The local workspace: an ARM-compatible Azure ML workspace server on SQLite, with an Azure Blob subset on the
/// same port. One workspace per server (`LocalWorkspaceServer.workspace`).
///
/// The workspace directory holds `workspace.sqlite` (WAL), `credentials.json` (mode 0600: the bearer token and the
/// SAS signing key, created with the directory), `blobs/` and `staging/`; `deploy serve` adds `server.json`.
public enum LocalWorkspaceServer {
    /// The only workspace the server hosts.
    public static let workspace = WorkspaceID.local
    /// The Azure location reported for the workspace and its computes.
    public static let location = "local"
    /// The storage account name of the blob service (`/blob/local/...`).
    public static let storageAccount = "local"
    /// The default datastore.
    public static let defaultDatastore = "workspaceblobstore"
    /// The default datastore's container.
    public static let defaultContainer = "workspace-blobstore"
    /// The user recorded in `systemData`.
    static let user = "local-user"
    /// The ARM id reported as the storage account of pending uploads.
    static let storageAccountARMID =
        "/subscriptions/\(workspace.subscription)/resourceGroups/\(workspace.resourceGroup)"
        + "/providers/Microsoft.Storage/storageAccounts/\(storageAccount)"
    /// The database file inside the workspace directory.
    public static let databaseFileName = "workspace.sqlite"

    /// Opens (creating if needed) the workspace directory (a relative path is taken from the working directory),
    /// binds `host:port` (`0` picks a free port) and serves until `shutdown()`.
    public static func start(
        directory: String, host: String = "127.0.0.1", port: Int = 0, options: LocalWorkspaceOptions = .init()
    ) async throws -> RunningLocalWorkspace {
        let directory = absolutePath(directory)
        let code = POSIXFile.makeDirectories(directory)
        if code != 0 {
            throw LocalWorkspaceError.io("cannot create the workspace folder", path: directory, errno: code)
        }
        let credentials = try WorkspaceCredentials.loadOrCreate(directory: directory)
        let store = try WorkspaceStore(path: directory + "/" + databaseFileName)
        let mlflow = MLflowStore(database: store.database, directory: directory)
        let services = WorkspaceServices(
            store: store, blobs: try BlobStore(directory: directory, database: store.database),
            signer: SharedAccessSignature(key: credentials.sasKey), options: options, jobEvents: JobEvents(),
            directory: directory, mlflow: mlflow)
        let router = buildRouter(services: services, token: credentials.token)
        let runner = JobRunner(
            directory: directory, store: store, mlflow: mlflow, blobs: services.blobs, options: options,
            jobEvents: services.jobEvents)
        let sweeps = SweepScheduler(directory: directory, store: store, mlflow: mlflow, runner: runner)
        // Before the server listens, so no request sees a job a crashed server left "Running"; the trials of sweeps
        // that ended are canceled before the runner could start them.
        if options.recoversJobs {
            try await runner.recover()
            if options.runsSweeps { try await sweeps.recover() }
        }

        let (bound, boundContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "deploy.local-workspace")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "deploy-local"),
            onServerRunning: { channel in
                boundContinuation.yield(channel.localAddress?.port ?? port)
                boundContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            // Ends the wait below if the server stops before binding (a port in use, say).
            defer { boundContinuation.finish() }
            try await group.run()
        }
        var iterator = bound.makeAsyncIterator()
        guard let actualPort = await iterator.next() else {
            // The server stopped before binding (a port in use, say): report why.
            let reason: String
            do {
                try await task.value
                reason = "the server stopped before it was listening"
            } catch {
                reason = "\(error)"
            }
            await sweeps.stop()
            await runner.stop()
            throw LocalWorkspaceError.workspaceSetup("cannot listen: \(reason)", path: "\(host):\(port)")
        }
        let urlHost = host.contains(":") ? "[\(host)]" : host
        let running = RunningLocalWorkspace(
            url: "http://\(urlHost):\(actualPort)", token: credentials.token, directory: directory, store: store,
            mlflow: mlflow, jobEvents: services.jobEvents, runner: runner, sweeps: sweeps, group: group, task: task)
        if options.runsJobs {
            // Jobs reach the server on loopback even when it listens on every interface.
            let jobHost = ["0.0.0.0", "::", ""].contains(host) ? "127.0.0.1" : urlHost
            // Before the runner starts, so the sweeps it finds NotStarted are announced to the scheduler.
            if options.runsSweeps { await sweeps.start() }
            do {
                try await runner.start(serverURL: "http://\(jobHost):\(actualPort)")
            } catch {
                try? await running.shutdown()
                throw error
            }
        }
        return running
    }

    /// The router: edge middleware (ids, error rendering), bearer token, api-version, then the routes.
    static func buildRouter(services: WorkspaceServices, token: String) -> Router<WorkspaceRequestContext> {
        let router = Router(context: WorkspaceRequestContext.self)
        router.add(middleware: EdgeMiddleware())
        router.add(middleware: BearerTokenMiddleware(token: token, mlflow: services.mlflow))
        router.add(middleware: APIVersionMiddleware())
        router.get(RouterPath(String(BearerTokenMiddleware.healthPath.dropFirst()))) { _, _ in "OK" }
        WorkspaceRoutes(services: services).register(on: router)
        OperationRoutes(services: services).register(on: router)
        BlobRoutes(services: services).register(on: router)
        MLflowRoutes(services: services).register(on: router)
        MLflowArtifactRoutes(services: services).register(on: router)
        return router
    }
}
