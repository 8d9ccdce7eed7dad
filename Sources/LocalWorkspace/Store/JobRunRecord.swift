import AzureML
import GRDB

/// One row of the `jobRun` table: what the runner recorded about a job (times, error, warning, process, outputs),
/// kept beside the job's `properties` as received so that a re-PUT of the same body stays unchanged. The job's GET
/// shows it (`JobRoutes.json`).
struct JobRunRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "jobRun"

    /// The job's row in `resource` (deleting the job deletes this row).
    var resourceID: Int64
    /// When the job's process started (ISO 8601).
    var startTimeUtc: String?
    /// When the job reached a terminal status (ISO 8601).
    var endTimeUtc: String?
    /// Why it failed: `UserError`, `JobTimeout`, `EnvironmentBuildFailed`, `RunnerStopped`, ...
    var errorCode: String?
    /// What went wrong.
    var errorMessage: String?
    /// Why it was cancelled.
    var cancelReason: String?
    /// Something worth knowing about a job that completed.
    var warning: String?
    /// The exit code of its process, when it exited by itself.
    var exitCode: Int?
    /// The process (and process group) id while it runs, so a restarted server can stop what a crashed one left.
    var processID: Int?
    /// The MLflow run the job reports to (the job's name), once created.
    var mlflowRunID: String?
    /// The recorded output URIs, a JSON object of name → `azureml://datastores/.../paths/...`.
    var outputs: String?
    /// Other properties a scheduler records on the job (a sweep's best trial), a JSON object of strings shown in
    /// `properties.properties`.
    var extraProperties: String?

    init(resourceID: Int64) {
        self.resourceID = resourceID
    }

    /// The recorded output URIs.
    var outputURIs: [String: String] {
        guard let outputs, let object = (try? JSONValue(parsing: outputs))?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (name, value) in object { result[name] = value.stringValue }
        return result
    }

    /// The properties a scheduler recorded (`extraProperties`).
    var additionalProperties: [String: String] {
        guard let extraProperties, let object = (try? JSONValue(parsing: extraProperties))?.objectValue else {
            return [:]
        }
        var result: [String: String] = [:]
        for (key, value) in object { result[key] = value.stringValue }
        return result
    }

    /// Records `value` under `key` in `properties.properties` (replacing an earlier value of this record).
    mutating func setProperty(_ key: String, _ value: String) {
        var object = extraProperties.flatMap { try? JSONValue(parsing: $0) }?.objectValue ?? JSONObject()
        object[key] = .string(value)
        extraProperties = JSONValue.object(object).serialized(.compact)
    }

    /// The members the job's `properties.properties` shows, Azure ML's run-property names where it has them.
    var propertyBag: [(String, String)] {
        var bag: [(String, String)] = []
        if let startTimeUtc { bag.append(("StartTimeUtc", startTimeUtc)) }
        if let endTimeUtc { bag.append(("EndTimeUtc", endTimeUtc)) }
        if let errorCode { bag.append(("ErrorCode", errorCode)) }
        if let errorMessage { bag.append(("ErrorMessage", errorMessage)) }
        if let cancelReason { bag.append(("CancelReason", cancelReason)) }
        if let warning { bag.append(("Warning", warning)) }
        if let exitCode { bag.append(("ExitCode", String(exitCode))) }
        if let mlflowRunID { bag.append(("MlflowRunId", mlflowRunID)) }
        bag += additionalProperties.sorted { $0.key < $1.key }
        return bag
    }
}
