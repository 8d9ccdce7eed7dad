public import AzureML
import ServiceLifecycle

/// A local workspace server that is listening; `shutdown()` stops it gracefully.
public final class RunningLocalWorkspace: Sendable {
    /// The server's base URL, `http://127.0.0.1:PORT`; ARM paths and `/blob/local/...` hang off it.
    public let url: String
    /// The workspace it hosts.
    public let workspace: WorkspaceID
    /// The bearer token every ARM request must carry (also in `<directory>/credentials.json`).
    public let token: String
    /// The workspace directory.
    public let directory: String
    /// The database, for the job runner.
    public let store: WorkspaceStore
    /// The MLflow tracking store the server serves under `/api/2.0/mlflow`, for the job runner and sweeps.
    public let mlflow: MLflowStore
    /// Job events, for the job runner.
    public let jobEvents: JobEvents
    /// The job runner (idle when the options say the server does not run jobs).
    public let runner: JobRunner
    /// The sweep scheduler (idle when the options say the server does not run jobs).
    public let sweeps: SweepScheduler
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(
        url: String, token: String, directory: String, store: WorkspaceStore, mlflow: MLflowStore, jobEvents: JobEvents,
        runner: JobRunner, sweeps: SweepScheduler,
        group: ServiceGroup, task: Task<Void, any Error>
    ) {
        self.url = url
        workspace = LocalWorkspaceServer.workspace
        self.token = token
        self.directory = directory
        self.store = store
        self.mlflow = mlflow
        self.jobEvents = jobEvents
        self.runner = runner
        self.sweeps = sweeps
        self.group = group
        self.task = task
    }

    /// Stops the sweeps (see `SweepScheduler.stop()`) and the jobs (see `JobRunner.stop()`), then stops accepting connections, lets requests in flight finish,
    /// and waits until the server has stopped.
    public func shutdown() async throws {
        await sweeps.stop()
        await runner.stop()
        await group.triggerGracefulShutdown()
        jobEvents.finish()
        mlflow.metricEvents.finish()
        try await task.value
    }
}
