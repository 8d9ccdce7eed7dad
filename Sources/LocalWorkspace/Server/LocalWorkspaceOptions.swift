/// Tunables of a local workspace server; the defaults suit `deploy serve`, tests shorten the delays.
public struct LocalWorkspaceOptions: Sendable, Hashable {
    /// How long a compute stays `Creating` (and `Deleting`) before it is `Succeeded` (or gone), in seconds.
    public var provisioningDelay: Double
    /// The `Retry-After` of asynchronous operations, in seconds (at least 1 is sent).
    public var pollInterval: Double
    /// How long SAS tokens from `startPendingUpload` and `listSecrets` stay valid, in seconds.
    public var sasLifetime: Double
    /// The largest Put Blob body, in bytes (Azure allows 5000 MiB; larger files use blocks).
    public var maxBlobSize: Int64
    /// The largest Put Block body, in bytes.
    public var maxBlockSize: Int64
    /// Whether the server runs the jobs it accepts (`false` leaves them `NotStarted`, for tests of the routes).
    public var runsJobs: Bool
    /// Whether starting the server ends the jobs a previous server process left in progress (`Failed`, "runner
    /// stopped"); by default when it runs jobs. A server that only reads (`deploy jobs` in-process) recovers without
    /// running anything.
    public var recoversJobs: Bool
    /// Whether the server runs the sweep jobs it accepts (`SweepScheduler`) when it runs jobs; `false` leaves sweeps
    /// `NotStarted` for a scheduler of the caller's (tests of the runner's scheduler API).
    public var runsSweeps: Bool
    /// How jobs get their Python: virtual environments built from conda files, or the host's `python3`.
    public var environmentMode: EnvironmentMode
    /// How long a job has to exit after SIGTERM (cancel, timeout, shutdown) before its process group gets
    /// SIGKILL, in seconds.
    public var stopGracePeriod: Double
    /// How many jobs without a compute (or on `serverless`) run at once; `nil` means the number of cores.
    public var localConcurrency: Int?
    /// The host Python the runner builds environments from and runs host-mode jobs with (a name on `PATH` or a
    /// path).
    public var python: String
    /// The largest file an http(s) input may download, in bytes.
    public var maxDownloadSize: Int64
    /// How long an http(s) input's download may take, in seconds.
    public var downloadTimeout: Double

    /// Options.
    public init(
        provisioningDelay: Double = 2, pollInterval: Double = 1, sasLifetime: Double = 24 * 3_600,
        maxBlobSize: Int64 = 5_000 * 1024 * 1024, maxBlockSize: Int64 = 4_000 * 1024 * 1024, runsJobs: Bool = true,
        runsSweeps: Bool = true, environmentMode: EnvironmentMode = .build, stopGracePeriod: Double = 10,
        localConcurrency: Int? = nil, python: String = "python3",
        maxDownloadSize: Int64 = 10 * 1024 * 1024 * 1024, downloadTimeout: Double = 1_800, recoversJobs: Bool? = nil
    ) {
        self.provisioningDelay = provisioningDelay
        self.pollInterval = pollInterval
        self.sasLifetime = sasLifetime
        self.maxBlobSize = maxBlobSize
        self.maxBlockSize = maxBlockSize
        self.runsJobs = runsJobs
        self.recoversJobs = recoversJobs ?? runsJobs
        self.runsSweeps = runsSweeps
        self.environmentMode = environmentMode
        self.stopGracePeriod = stopGracePeriod
        self.localConcurrency = localConcurrency
        self.python = python
        self.maxDownloadSize = maxDownloadSize
        self.downloadTimeout = downloadTimeout
    }
}
