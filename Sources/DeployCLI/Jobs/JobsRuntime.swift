import AzureML
public import LocalWorkspace
import WorkspaceClient

/// How a `deploy jobs` command runs: the process environment and working directory (which select the workspace),
/// where it prints, the options of a local workspace server started in-process, and how often it polls.
public struct JobsRuntime: Sendable {
    /// The options of an in-process local workspace server: it recovers what a dead server left in progress
    /// (`Failed`, "runner stopped"), but runs nothing, so that reading jobs never starts or stops one.
    public static let readOnlyLocalOptions = LocalWorkspaceOptions(runsJobs: false, recoversJobs: true)

    /// The environment variables (workspace selection, `DEPLOY_TOKEN`, Azure credentials).
    public var environment: [String: String]
    /// Where `config.json` and `.deploy` are looked for.
    public var workingDirectory: String
    /// Where the command prints.
    public var console: JobsConsole
    /// The options of a local workspace server started in-process.
    public var localOptions: LocalWorkspaceOptions
    /// Seconds between polls of `wait` and `logs --follow`.
    public var pollInterval: Double
    /// The time, in seconds since 1970 (durations of running jobs).
    public var now: @Sendable () -> Double

    /// A runtime.
    public init(
        environment: [String: String], workingDirectory: String, console: JobsConsole = .standard,
        localOptions: LocalWorkspaceOptions = JobsRuntime.readOnlyLocalOptions, pollInterval: Double = 2,
        now: (@Sendable () -> Double)? = nil
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.console = console
        self.localOptions = localOptions
        self.pollInterval = pollInterval
        self.now = now ?? { JobTime.now() }
    }

    /// Selects the workspace, connects (starting the local workspace in-process when no `deploy serve` runs for
    /// it), runs `body`, and returns its exit status; errors are printed as `error: ...` with status 1.
    func run(_ options: WorkspaceOptions, _ body: (JobsSession) async throws -> Int32) async -> Int32 {
        do {
            let selection = try WorkspaceSelector(environment: environment, workingDirectory: workingDirectory)
                .select(flag: options.workspace)
            return try await WorkspaceSession.with(
                selection, environment: environment, tokenFile: options.tokenFile, localOptions: localOptions
            ) { session in
                try await body(JobsSession(session: session, runtime: self))
            }
        } catch {
            console.err("error: \(error)\n")
            return 1
        }
    }
}

/// A connected workspace, as the `deploy jobs` commands use it.
struct JobsSession: Sendable {
    let session: WorkspaceSession
    let runtime: JobsRuntime

    var client: ARMClient { session.client }

    /// Whether the workspace is a local one (in-process, `deploy serve`, or an endpoint URL), which serves logs
    /// and MLflow; Azure ML workspaces do not, through this tool, yet.
    var isLocal: Bool {
        if case .azure = session.selection.target { return false }
        return true
    }

    /// Whether this command started the local workspace in-process: nothing runs jobs then.
    var isInProcess: Bool {
        session.reason.contains("; started in-process for this command")
    }

    /// The workspace's description, for messages.
    var target: String { session.selection.target.description }

    /// The job named `name`; throws when it does not exist.
    func job(_ name: String) async throws -> JobRecord {
        guard let resource = try await client.getResource("/jobs/\(name)", apiVersion: APIVersion.jobs) else {
            throw JobsCommandError("job '\(name)' does not exist in the \(target)")
        }
        return JobRecord(resource)
    }

    /// The error for waiting on a job that nothing will run.
    func nothingRuns(_ job: JobRecord) -> JobsCommandError? {
        guard isInProcess, !job.isTerminal, case .local(let directory) = session.selection.target else { return nil }
        return JobsCommandError(
            "job '\(job.name)' is \(job.status), but no deploy serve is running for the local workspace in "
                + "\(directory), so nothing runs it; start `deploy serve --dir \(directory)` and try again")
    }
}
