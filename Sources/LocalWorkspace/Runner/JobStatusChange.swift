/// A job's status changed (or the job was deleted): what `JobRunner.statusChanges()` delivers, for schedulers built
/// on the runner (sweeps) and for tests.
public struct JobStatusChange: Sendable, Hashable {
    /// The job's name.
    public var jobName: String
    /// `Command` or `Sweep`.
    public var jobType: String
    /// The parent job (a sweep trial's sweep), if any.
    public var parentJobName: String?
    /// The new status (`JobStatus`); for a deleted job, the status it had.
    public var status: String
    /// Whether the job was deleted.
    public var isDeleted: Bool

    /// A change.
    public init(jobName: String, jobType: String, parentJobName: String?, status: String, isDeleted: Bool = false) {
        self.jobName = jobName
        self.jobType = jobType
        self.parentJobName = parentJobName
        self.status = status
        self.isDeleted = isDeleted
    }

    /// Whether the new status is terminal.
    public var isTerminal: Bool { JobStatus.isTerminal(status) }
}
