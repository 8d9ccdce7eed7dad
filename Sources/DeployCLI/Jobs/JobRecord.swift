import AzureML

/// What `deploy jobs` reads from a job resource (`GET .../jobs/{name}`), tolerant of what Azure leaves out: the
/// run properties (`StartTimeUtc`, `EndTimeUtc`, `ErrorMessage`, `MlflowRunId`, `LogFile`, ...) are the local
/// workspace's and may be absent.
struct JobRecord: Sendable {
    /// The job's name.
    var name: String
    /// `Command`, `Sweep`, or what the service reports.
    var type: String
    /// The status (`Unknown` when the service sends none).
    var status: String
    var displayName: String?
    var experimentName: String?
    var parentJobName: String?
    /// `systemData.createdAt`.
    var createdAt: String?
    var startTime: String?
    var endTime: String?
    /// The compute's name (the last segment of `computeId`), `nil` for none.
    var compute: String?
    /// Server-set `parameters` (a sweep trial's sampled values).
    var parameters: JSONObject
    /// Literal inputs and the URIs of the others.
    var inputs: [(name: String, value: String)]
    /// Outputs and where they were published.
    var outputs: [(name: String, uri: String)]
    /// `properties.properties`, as strings.
    var runProperties: [String: String]
    /// A sweep's objective.
    var objective: Objective?
    /// Whether the job is archived.
    var isArchived: Bool

    init(_ resource: ARMResource) {
        let properties = resource.properties
        name = resource.name
        type = properties["jobType"]?.stringValue ?? "Unknown"
        status = properties["status"]?.stringValue ?? "Unknown"
        displayName = properties["displayName"]?.stringValue
        experimentName = properties["experimentName"]?.stringValue
        parentJobName = properties["parentJobName"]?.stringValue
        createdAt = resource.systemData?.createdAt
        var bag: [String: String] = [:]
        for (key, value) in properties["properties"]?.objectValue ?? JSONObject() {
            bag[key] = value.stringValue ?? value.serialized(.compact)
        }
        runProperties = bag
        startTime = bag["StartTimeUtc"]
        endTime = bag["EndTimeUtc"]
        compute = properties["computeId"]?.stringValue.map { id in
            id.split(separator: "/").last.map(String.init) ?? id
        }
        parameters = properties["parameters"]?.objectValue ?? JSONObject()
        inputs = (properties["inputs"]?.objectValue ?? JSONObject()).map { name, input in
            let value =
                input["value"]?.stringValue ?? input["uri"]?.stringValue ?? input["value"].map { $0.serialized() }
                ?? input.serialized(.compact)
            return (name, value)
        }
        outputs = (properties["outputs"]?.objectValue ?? JSONObject()).map { name, output in
            (name, output["uri"]?.stringValue ?? "(not published)")
        }
        objective = properties["objective"].flatMap { value in
            guard let metric = value["primaryMetric"]?.stringValue else { return nil }
            return Objective(goal: value["goal"]?.stringValue ?? "minimize", primaryMetric: metric)
        }
        isArchived = properties["isArchived"]?.boolValue ?? false
    }

    /// Whether the job is a sweep.
    var isSweep: Bool { type.lowercased() == "sweep" }

    /// Whether the status is terminal.
    var isTerminal: Bool { JobStatusText.isTerminal(status) }

    /// The MLflow run the job reports to.
    var mlflowRunID: String? { runProperties["MlflowRunId"] }

    /// The log file on the server's machine.
    var logFile: String? { runProperties["LogFile"] }

    /// Seconds from start to end, or to `now` while the job runs; `nil` before it started.
    func duration(now: Double) -> Double? {
        guard let start = startTime.flatMap(JobTime.seconds) else { return nil }
        if let end = endTime.flatMap(JobTime.seconds) { return max(0, end - start) }
        return isTerminal ? nil : max(0, now - start)
    }

    /// The job's parameters as `name=value` text (strings as they are, other values as compact JSON).
    var parameterText: [(name: String, value: String)] {
        parameters.map { ($0.key, JobRecord.text($0.value)) }
    }

    /// A JSON value as `deploy jobs` prints it: strings bare, numbers as Python prints them, others compact JSON.
    static func text(_ value: JSONValue) -> String {
        value.stringValue ?? value.serialized(.compact)
    }
}

/// The terminal statuses, as the SDK groups them (azureml-rest.md §3.1).
enum JobStatusText {
    /// Statuses after which a job does not change any more.
    static let terminal: Set<String> = ["Completed", "Failed", "Canceled", "NotResponding", "Paused"]

    /// Whether `status` is terminal.
    static func isTerminal(_ status: String) -> Bool { terminal.contains(status) }
}
