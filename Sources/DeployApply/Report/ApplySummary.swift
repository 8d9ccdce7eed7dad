/// How many changes of an apply ended each way.
public struct ApplySummary: Sendable, Hashable {
    /// Created (jobs: submitted).
    public var created: Int
    /// Updated in place.
    public var updated: Int
    /// Jobs found already submitted.
    public var alreadySubmitted: Int
    /// Unchanged or read.
    public var unchanged: Int
    /// Failed.
    public var failed: Int
    /// Not attempted.
    public var notAttempted: Int

    /// Counts the outcomes of `reports`.
    public init(_ reports: [ChangeReport]) {
        var counts = (created: 0, updated: 0, submitted: 0, unchanged: 0, failed: 0, skipped: 0)
        for report in reports {
            switch report.outcome {
            case .created: counts.created += 1
            case .updated: counts.updated += 1
            case .alreadySubmitted: counts.submitted += 1
            case .unchanged: counts.unchanged += 1
            case .failed: counts.failed += 1
            case .notAttempted: counts.skipped += 1
            }
        }
        created = counts.created
        updated = counts.updated
        alreadySubmitted = counts.submitted
        unchanged = counts.unchanged
        failed = counts.failed
        notAttempted = counts.skipped
    }

    /// `3 created, 1 updated, 0 failed, 0 not attempted` (already submitted jobs only when there are some).
    public var line: String {
        var parts = ["\(created) created", "\(updated) updated"]
        if alreadySubmitted > 0 { parts.append("\(alreadySubmitted) already submitted") }
        parts += ["\(failed) failed", "\(notAttempted) not attempted"]
        return parts.joined(separator: ", ")
    }
}
