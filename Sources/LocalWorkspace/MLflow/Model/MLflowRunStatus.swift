/// The status of an MLflow run, spelled as on the wire.
public enum MLflowRunStatus: String, Sendable, Hashable, CaseIterable {
    /// The run is in progress (what `MLflowStore.createRun` sets, and what a resuming client sets again).
    case running = "RUNNING"
    /// The run is scheduled but has not started.
    case scheduled = "SCHEDULED"
    /// The run ended successfully.
    case finished = "FINISHED"
    /// The run failed.
    case failed = "FAILED"
    /// The run was stopped.
    case killed = "KILLED"

    /// Whether the run has ended (`FINISHED`, `FAILED` or `KILLED`).
    public var isTerminal: Bool {
        self == .finished || self == .failed || self == .killed
    }
}
