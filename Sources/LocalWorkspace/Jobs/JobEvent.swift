/// What happened to a job, for the job runner: the server sends one event per change it makes.
public struct JobEvent: Sendable, Hashable {
    /// The kinds of change.
    public enum Kind: String, Sendable, Hashable {
        /// A job was created with status `NotStarted`.
        case created
        /// A job in progress was asked to stop (status `CancelRequested`): the runner stops it and sets `Canceled`.
        case cancelRequested
        /// A job that had not started was cancelled (status `Canceled`): the runner must not start it.
        case canceled
        /// A job was deleted: the runner stops it if it runs.
        case deleted
    }

    /// The change.
    public var kind: Kind
    /// The job's name.
    public var jobName: String

    /// An event.
    public init(_ kind: Kind, jobName: String) {
        self.kind = kind
        self.jobName = jobName
    }
}
