/// How many changes of each action a plan holds.
public struct PlanSummary: Sendable, Hashable {
    /// Resources to create.
    public var create: Int
    /// Resources to update in place.
    public var update: Int
    /// Resources already as described.
    public var unchanged: Int
    /// Resources that cannot be applied.
    public var conflicts: Int
    /// Resources read and pinned.
    public var reads: Int

    /// Counts the actions of `changes`.
    public init(_ changes: [PlannedChange]) {
        create = changes.count { $0.action == .create }
        update = changes.count { $0.action == .update }
        unchanged = changes.count { $0.action == .noOp }
        conflicts = changes.count { $0.action == .conflict }
        reads = changes.count { $0.action == .read }
    }

    /// `Plan: 3 to create, 1 to update, 2 unchanged, 0 conflicts.`
    public var line: String {
        "Plan: \(create) to create, \(update) to update, \(unchanged) unchanged, \(conflicts) "
            + (conflicts == 1 ? "conflict." : "conflicts.")
    }
}
