public import DeployPlan

/// What applying did with one change of the plan: its outcome, how long it took, what it uploaded, and for jobs the
/// status the workspace reported.
public struct ChangeReport: Sendable, Hashable {
    /// How a change ended.
    public enum Outcome: Sendable, Hashable {
        /// Nothing to do: the plan found it as described (a no-op), or only read it.
        case unchanged
        /// Created (a job: submitted).
        case created
        /// Updated in place.
        case updated
        /// A job the workspace already held under its name (a PUT answered 200 or 409): not submitted again.
        case alreadySubmitted
        /// Failed, with the server's answer.
        case failed(ApplyError)
        /// Never started.
        case notAttempted(ApplyScheduler.Skip)

        /// Whether the change is done: unchanged, created, updated or already submitted.
        public var isDone: Bool {
            switch self {
            case .unchanged, .created, .updated, .alreadySubmitted: true
            case .failed, .notAttempted: false
            }
        }
    }

    /// The change's address (`environment.lightgbm-env:1`).
    public var address: String
    /// `environment`, `data`, `code`, `compute`, `job`, `model`.
    public var kind: String
    /// The resource's name.
    public var name: String
    /// The version, for asset versions.
    public var version: String?
    /// What the plan said to do.
    public var action: PlanAction
    /// The full ARM id.
    public var id: String
    /// How it ended.
    public var outcome: Outcome
    /// How long it took, in seconds; `nil` when it did not run.
    public var seconds: Double?
    /// What was uploaded for it.
    public var uploads: UploadSummary
    /// For jobs: the status the workspace answered with.
    public var status: String?

    /// A report with every field given.
    public init(
        address: String, kind: String, name: String, version: String?, action: PlanAction, id: String,
        outcome: Outcome, seconds: Double? = nil, uploads: UploadSummary = UploadSummary(), status: String? = nil
    ) {
        self.address = address
        self.kind = kind
        self.name = name
        self.version = version
        self.action = action
        self.id = id
        self.outcome = outcome
        self.seconds = seconds
        self.uploads = uploads
        self.status = status
    }

    /// A report for `change` with `outcome`.
    public init(
        _ change: PlannedChange, outcome: Outcome, seconds: Double? = nil, uploads: UploadSummary = UploadSummary(),
        status: String? = nil
    ) {
        self.init(
            address: change.address, kind: change.kind, name: change.name, version: change.version,
            action: change.action, id: change.id, outcome: outcome, seconds: seconds, uploads: uploads,
            status: status ?? change.status)
    }

    /// `environment lightgbm-env:1`, `job lightgbm-iris-3f9c0a1b2d`: the kind, then the address without it.
    public var displayName: String {
        let prefix = kind + "."
        return kind + " " + (address.hasPrefix(prefix) ? String(address.dropFirst(prefix.count)) : address)
    }
}
