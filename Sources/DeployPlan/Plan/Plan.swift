public import DeployYAML

/// A plan: what applying a set of manifests to a workspace would do, resource by resource, in dependency order,
/// with the problems found. A value the applier executes as is (see `PlannedChange`), and, saved with its
/// fingerprints, proof of the state it was made against.
public struct Plan: Sendable {
    /// The version of the JSON format (`format_version`).
    public static let formatVersion = 1

    /// The workspace.
    public var workspace: PlanWorkspace
    /// The version of `deploy` that made the plan.
    public var deployVersion: String
    /// The changes, in dependency order (an applier may run independent ones in parallel).
    public var changes: [PlannedChange]
    /// Errors (validation, dangling references, failed reads): a plan with errors cannot be applied.
    public var errors: [Diagnostic]
    /// Warnings.
    public var warnings: [Diagnostic]
    /// The reads made and the local files involved.
    public var fingerprints: PlanFingerprints

    /// A plan with every field given.
    public init(
        workspace: PlanWorkspace, deployVersion: String, changes: [PlannedChange] = [], errors: [Diagnostic] = [],
        warnings: [Diagnostic] = [], fingerprints: PlanFingerprints = PlanFingerprints()
    ) {
        self.workspace = workspace
        self.deployVersion = deployVersion
        self.changes = changes
        self.errors = errors
        self.warnings = warnings
        self.fingerprints = fingerprints
    }

    /// The counts of each action.
    public var summary: PlanSummary { PlanSummary(changes) }

    /// Whether applying would change the workspace or cannot be done: anything to create or update, or a conflict.
    public var hasChanges: Bool {
        changes.contains { $0.action == .create || $0.action == .update || $0.action == .conflict }
    }

    /// Whether the plan can be applied: no errors and no conflicts.
    public var isApplicable: Bool {
        errors.isEmpty && !changes.contains { $0.action == .conflict }
    }

    /// The change at `address`.
    public func change(_ address: String) -> PlannedChange? {
        changes.first { $0.address == address }
    }
}
