/// The job statuses the workspace sets (azureml-rest.md §3.1). A command job goes `NotStarted` → `Queued` (waiting
/// for a slot) → `Preparing` (code, inputs, environment) → `Running` → `Finalizing` (outputs, MLflow run) → `Completed`,
/// `Failed` or `Canceled`; a cancel in progress shows `CancelRequested` until the runner has stopped it.
public enum JobStatus {
    /// Created, not yet picked up by the runner.
    public static let notStarted = "NotStarted"
    /// Waiting for a slot on its compute.
    public static let queued = "Queued"
    /// Holding a slot: code, inputs, outputs and the environment are being prepared.
    public static let preparing = "Preparing"
    /// Its process runs.
    public static let running = "Running"
    /// Its process has ended; outputs and the MLflow run are being recorded.
    public static let finalizing = "Finalizing"
    /// A cancel was asked for while the job was in progress.
    public static let cancelRequested = "CancelRequested"
    /// Ended successfully.
    public static let completed = "Completed"
    /// Ended in failure.
    public static let failed = "Failed"
    /// Cancelled.
    public static let canceled = "Canceled"

    /// Statuses after which nothing changes.
    public static let terminal: Set<String> = ["Completed", "Failed", "Canceled", "NotResponding", "Paused"]

    /// The statuses of a job the runner has picked up and not finished.
    public static let inProgress: Set<String> = [queued, preparing, running, finalizing, cancelRequested]

    /// Whether `status` is terminal.
    public static func isTerminal(_ status: String) -> Bool { terminal.contains(status) }
}
