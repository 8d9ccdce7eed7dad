/// What an apply did: one report per change of the plan, in plan order, and how long it took.
public struct ApplyResult: Sendable, Hashable {
    /// The reports, in plan order.
    public var reports: [ChangeReport]
    /// The wall time of the apply, in seconds.
    public var seconds: Double

    /// A result.
    public init(reports: [ChangeReport], seconds: Double) {
        self.reports = reports
        self.seconds = seconds
    }

    /// Whether every change is done.
    public var succeeded: Bool { reports.allSatisfy(\.outcome.isDone) }

    /// The reports of changes that failed.
    public var failures: [ChangeReport] {
        reports.filter { if case .failed = $0.outcome { true } else { false } }
    }

    /// The reports of changes that were not attempted.
    public var notAttempted: [ChangeReport] {
        reports.filter { if case .notAttempted = $0.outcome { true } else { false } }
    }

    /// The counts of each outcome.
    public var summary: ApplySummary { ApplySummary(reports) }

    /// The jobs this apply submitted or found submitted under their planned name: the ones to wait for.
    public var submittedJobs: [ChangeReport] {
        reports.filter { $0.kind == "job" && ($0.outcome == .created || $0.outcome == .alreadySubmitted) }
    }
}
