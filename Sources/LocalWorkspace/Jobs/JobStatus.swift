/// The job statuses the workspace sets (azureml-rest.md §3.1).
public enum JobStatus {
    /// Created, not yet picked up by the runner.
    public static let notStarted = "NotStarted"
    /// A cancel was asked for while the job was in progress.
    public static let cancelRequested = "CancelRequested"
    /// Cancelled.
    public static let canceled = "Canceled"

    /// Statuses after which nothing changes.
    public static let terminal: Set<String> = ["Completed", "Failed", "Canceled", "NotResponding", "Paused"]

    /// Whether `status` is terminal.
    public static func isTerminal(_ status: String) -> Bool { terminal.contains(status) }
}
