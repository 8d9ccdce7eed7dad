import AzureML
import DeployApply
import DeployPlan
import DeployYAML

/// The document `deploy apply --output json` prints (README.md documents it): how the run ended, the plan, what
/// applying did, and what waiting saw.
struct ApplyDocument {
    /// The version of the format.
    static let formatVersion = 1

    /// How the run ended.
    enum Status: String {
        /// Everything planned was applied (and, with `--wait`, every job completed).
        case applied
        /// The workspace already matched: nothing was sent.
        case noChanges = "no_changes"
        /// The manifests, the saved plan or the reads had errors: nothing was sent.
        case planFailed = "plan_failed"
        /// The plan has conflicts: nothing was sent.
        case conflicts
        /// The saved plan is stale: nothing was sent.
        case stalePlan = "stale_plan"
        /// Confirmation was refused or could not be asked: nothing was sent.
        case notConfirmed = "not_confirmed"
        /// A change failed.
        case failed
        /// Applied, but a waited-for job failed, was canceled or did not finish in time.
        case jobsFailed = "jobs_failed"
        /// The workspace could not be reached or another error stopped the run.
        case error
    }

    var status: Status
    var plan: Plan?
    var result: ApplyResult?
    var jobs: [JobFollower.Outcome]?
    var stale: [String] = []
    var errors: [String] = []

    var json: JSONValue {
        [
            "format_version": .int(Self.formatVersion),
            "status": .string(status.rawValue),
            "plan": plan?.json() ?? .null,
            "apply": result?.json ?? .null,
            "jobs": jobs.map { .array($0.map(\.json)) } ?? .null,
            "stale": .array(stale.map(JSONValue.string)),
            "errors": .array(errors.map(JSONValue.string)),
        ]
    }
}
