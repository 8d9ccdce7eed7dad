/// The properties of a job (`PUT .../jobs/{name}`): a command job or a sweep job (§2.5, §2.6).
public struct JobProperties: Sendable, Hashable {
    /// The job types this tool creates and runs.
    public static let jobTypes = ["Command", "Sweep"]

    /// `Command` or `Sweep`.
    public var jobType: String
    /// The name shown in the studio.
    public var displayName: String?
    /// Free text.
    public var description: String?
    /// The experiment the job belongs to.
    public var experimentName: String?
    /// Tags (replaced wholesale on update).
    public var tags: [String: String]?
    /// Properties (add-only on update).
    public var properties: [String: String]?
    /// Whether the job is archived.
    public var isArchived: Bool?
    /// The compute's ARM id.
    public var computeId: String?
    /// The identity the job runs as.
    public var identity: JobIdentity?
    /// Interactive services.
    public var services: [String: JobService]?
    /// Queue tier and priority.
    public var queueSettings: QueueSettings?
    /// Notification settings, kept as sent.
    public var notificationSetting: JSONValue?
    /// The parent job, for sweep trials and pipeline steps.
    public var parentJobName: String?
    /// A registered component the job was made from.
    public var componentId: String?
    /// Server-set: `NotStarted`, `Running`, `Completed`, ...
    public var status: String?
    /// Inputs by name.
    public var inputs: [String: JobInput]?
    /// Outputs by name.
    public var outputs: [String: JobOutput]?
    /// Resources (a sweep's copy of the trial's).
    public var resources: JobResources?
    /// Limits: `Command` (timeout) or `Sweep` (trial counts and timeouts).
    public var limits: JobLimits?

    /// Command: the command line.
    public var command: String?
    /// Command: the code version's ARM id.
    public var codeId: String?
    /// Command: the environment's ARM id (or a curated/registry reference).
    public var environmentId: String?
    /// Command: environment variables.
    public var environmentVariables: [String: String]?
    /// Command: distribution.
    public var distribution: Distribution?
    /// Command: server-set parameters.
    public var parameters: JSONValue?

    /// Sweep: the trial template.
    public var trial: TrialComponent?
    /// Sweep: the search space, name → `["<distribution>", [args]]`.
    public var searchSpace: JSONObject?
    /// Sweep: how points are drawn.
    public var samplingAlgorithm: SamplingAlgorithm?
    /// Sweep: what is optimized.
    public var objective: Objective?
    /// Sweep: early termination.
    public var earlyTermination: EarlyTerminationPolicy?

    /// Job properties of the given type, everything else unset.
    public init(jobType: String) {
        self.jobType = jobType
    }

    /// Reads and validates job properties; errors name the offending field.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("jobType", Self.jobTypes) else { throw reader.missing("jobType") }
        jobType = Self.jobTypes.first { $0.lowercased() == type.lowercased() }!
        displayName = try reader.string("displayName")
        description = try reader.string("description")
        experimentName = try reader.string("experimentName")
        tags = try reader.stringMap("tags")
        properties = try reader.stringMap("properties")
        isArchived = try reader.bool("isArchived")
        computeId = try reader.string("computeId")
        identity = try reader.raw("identity").map { value throws(AzureMLError) in
            try JobIdentity(json: value, path: reader.field("identity"))
        }
        services = try reader.map("services") { value, field throws(AzureMLError) in
            try JobService(json: value, path: field)
        }
        queueSettings = try reader.raw("queueSettings").map { value throws(AzureMLError) in
            try QueueSettings(json: value, path: reader.field("queueSettings"))
        }
        notificationSetting = reader.raw("notificationSetting")
        parentJobName = try reader.string("parentJobName")
        componentId = try reader.string("componentId")
        status = try reader.string("status")
        inputs = try reader.map("inputs") { value, field throws(AzureMLError) in try JobInput(json: value, path: field)
        }
        outputs = try reader.map("outputs") { value, field throws(AzureMLError) in
            try JobOutput(json: value, path: field)
        }
        resources = try reader.raw("resources").map { value throws(AzureMLError) in
            try JobResources(json: value, path: reader.field("resources"))
        }
        limits = try reader.raw("limits").map { value throws(AzureMLError) in
            try JobLimits(json: value, path: reader.field("limits"))
        }
        command = try reader.string("command")
        codeId = try reader.string("codeId")
        environmentId = try reader.string("environmentId")
        environmentVariables = try reader.stringMap("environmentVariables")
        distribution = try reader.raw("distribution").map { value throws(AzureMLError) in
            try Distribution(json: value, path: reader.field("distribution"))
        }
        parameters = reader.raw("parameters")
        trial = try reader.raw("trial").map { value throws(AzureMLError) in
            try TrialComponent(json: value, path: reader.field("trial"))
        }
        searchSpace = try reader.object("searchSpace")?.object
        samplingAlgorithm = try reader.raw("samplingAlgorithm").map { value throws(AzureMLError) in
            try SamplingAlgorithm(json: value, path: reader.field("samplingAlgorithm"))
        }
        objective = try reader.raw("objective").map { value throws(AzureMLError) in
            try Objective(json: value, path: reader.field("objective"))
        }
        earlyTermination = try reader.raw("earlyTermination").map { value throws(AzureMLError) in
            try EarlyTerminationPolicy(json: value, path: reader.field("earlyTermination"))
        }
        try validateRequired(reader)
    }

    private func validateRequired(_ reader: WireReader) throws(AzureMLError) {
        if isCommand {
            if command == nil { throw reader.missing("command") }
            if environmentId == nil { throw reader.missing("environmentId") }
            if let limits, limits.jobLimitsType != "Command" {
                throw .invalidBody(
                    "a command job's limits must have jobLimitsType 'Command'", field: reader.field("limits"))
            }
        } else {
            if trial == nil { throw reader.missing("trial") }
            if searchSpace == nil { throw reader.missing("searchSpace") }
            if samplingAlgorithm == nil { throw reader.missing("samplingAlgorithm") }
            if objective == nil { throw reader.missing("objective") }
            guard let limits else { throw reader.missing("limits") }
            if limits.jobLimitsType != "Sweep" {
                throw .invalidBody(
                    "a sweep job's limits must have jobLimitsType 'Sweep'", field: reader.field("limits"))
            }
            if limits.maxTotalTrials == nil { throw reader.missing("limits.maxTotalTrials") }
            for (name, value) in searchSpace ?? [:] {
                guard let array = value.arrayValue, array.count == 2, array[0].stringValue != nil,
                    array[1].arrayValue != nil
                else {
                    throw .invalidBody(
                        "expected [\"<distribution>\", [arguments]], found \(value.serialized())",
                        field: reader.field("searchSpace.\(name)"))
                }
            }
        }
    }

    /// Whether this is a command job.
    public var isCommand: Bool { jobType == "Command" }

    /// Whether this is a sweep job.
    public var isSweep: Bool { jobType == "Sweep" }

    /// The properties as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("displayName", displayName)
        writer.set("description", description)
        writer.set("experimentName", experimentName)
        writer.set("command", command)
        writer.set("codeId", codeId)
        writer.set("computeId", computeId)
        writer.set("parentJobName", parentJobName)
        writer.set("componentId", componentId)
        writer.set("properties", properties)
        writer.set("isArchived", isArchived)
        writer.set("identity", identity?.json)
        writer.set("searchSpace", searchSpace.map(JSONValue.object))
        writer.set("samplingAlgorithm", samplingAlgorithm?.json)
        writer.set("objective", objective?.json)
        writer.set("limits", limits?.json)
        writer.set("earlyTermination", earlyTermination?.json)
        writer.set("trial", trial?.json)
        writer.set("inputs", inputs.map { Self.object($0, \.json) })
        writer.set("outputs", outputs.map { Self.object($0, \.json) })
        writer.set("environmentId", environmentId)
        writer.set("tags", tags)
        writer.set("environmentVariables", environmentVariables)
        writer.set("distribution", distribution?.json)
        writer.set("resources", resources?.json)
        writer.set("services", services.map { Self.object($0, \.json) })
        writer.set("queueSettings", queueSettings?.json)
        writer.set("notificationSetting", notificationSetting)
        writer.set("parameters", parameters)
        writer.set("status", status)
        writer.set("jobType", jobType)
        return writer.json
    }

    private static func object<T>(_ map: [String: T], _ json: (T) -> JSONValue) -> JSONValue {
        .object(JSONObject(map.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) }))
    }
}
