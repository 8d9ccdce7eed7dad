/// `resources` of a job or trial (§2.5).
public struct JobResources: Sendable, Hashable {
    /// Number of nodes.
    public var instanceCount: Int?
    /// VM size.
    public var instanceType: String?
    /// Free-form properties (the SDK always sends `{}`).
    public var properties: JSONObject?
    /// Shared memory size, e.g. `8g`.
    public var shmSize: String?
    /// Extra `docker run` arguments, as one string.
    public var dockerArgs: String?
    /// Extra `docker run` arguments, as a list.
    public var dockerArgsList: [String]?
    /// Regions the job may run in.
    public var locations: [String]?
    /// Upper bound for elastic training.
    public var maxInstanceCount: Int?

    /// Resources.
    public init(
        instanceCount: Int? = nil, instanceType: String? = nil, properties: JSONObject? = [:], shmSize: String? = nil,
        dockerArgs: String? = nil, dockerArgsList: [String]? = nil, locations: [String]? = nil,
        maxInstanceCount: Int? = nil
    ) {
        self.instanceCount = instanceCount
        self.instanceType = instanceType
        self.properties = properties
        self.shmSize = shmSize
        self.dockerArgs = dockerArgs
        self.dockerArgsList = dockerArgsList
        self.locations = locations
        self.maxInstanceCount = maxInstanceCount
    }

    /// Reads resources.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        instanceCount = try reader.int("instanceCount")
        instanceType = try reader.string("instanceType")
        properties = try reader.object("properties")?.object
        shmSize = try reader.string("shmSize")
        dockerArgs = try reader.string("dockerArgs")
        dockerArgsList = try reader.stringArray("dockerArgsList")
        locations = try reader.stringArray("locations")
        maxInstanceCount = try reader.int("maxInstanceCount")
    }

    /// The resources as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("instanceCount", instanceCount)
        writer.set("instanceType", instanceType)
        writer.set("shmSize", shmSize)
        writer.set("dockerArgs", dockerArgs)
        writer.set("dockerArgsList", dockerArgsList)
        writer.set("locations", locations)
        writer.set("maxInstanceCount", maxInstanceCount)
        writer.set("properties", properties.map(JSONValue.object))
        return writer.json
    }
}

/// `distribution` of a job or trial: PyTorch, Mpi, TensorFlow or Ray (§2.5).
public struct Distribution: Sendable, Hashable {
    /// The allowed `distributionType` values.
    public static let types = ["PyTorch", "Mpi", "TensorFlow", "Ray"]

    /// One of `types`.
    public var distributionType: String
    /// The members other than `distributionType`, as sent (process counts, worker counts, Ray settings).
    public var settings: JSONObject

    /// A distribution.
    public init(distributionType: String, settings: JSONObject = [:]) {
        self.distributionType = distributionType
        self.settings = settings
    }

    /// Reads a distribution, checking the type and the integer counts.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("distributionType", Self.types) else {
            throw reader.missing("distributionType")
        }
        distributionType = type
        for key in ["processCountPerInstance", "workerCount", "parameterServerCount"] {
            _ = try reader.int(key)
        }
        var settings = reader.object
        settings["distributionType"] = nil
        self.settings = settings
    }

    /// The distribution as JSON.
    public var json: JSONValue {
        var object = JSONObject([("distributionType", .string(distributionType))])
        for (key, value) in settings { object[key] = value }
        return .object(object)
    }
}

/// `limits` of a command job (`jobLimitsType: Command`) or a sweep (`jobLimitsType: Sweep`).
public struct JobLimits: Sendable, Hashable {
    /// `Command` or `Sweep`.
    public var jobLimitsType: String
    /// ISO 8601 duration for the whole job.
    public var timeout: String?
    /// Sweep: total trials.
    public var maxTotalTrials: Int?
    /// Sweep: trials running at once.
    public var maxConcurrentTrials: Int?
    /// Sweep: ISO 8601 duration per trial.
    public var trialTimeout: String?

    /// Limits.
    public init(
        jobLimitsType: String, timeout: String? = nil, maxTotalTrials: Int? = nil, maxConcurrentTrials: Int? = nil,
        trialTimeout: String? = nil
    ) {
        self.jobLimitsType = jobLimitsType
        self.timeout = timeout
        self.maxTotalTrials = maxTotalTrials
        self.maxConcurrentTrials = maxConcurrentTrials
        self.trialTimeout = trialTimeout
    }

    /// Reads limits, checking that durations are ISO 8601.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("jobLimitsType", ["Command", "Sweep"]) else {
            throw reader.missing("jobLimitsType")
        }
        jobLimitsType = type
        timeout = try reader.string("timeout")
        maxTotalTrials = try reader.int("maxTotalTrials")
        maxConcurrentTrials = try reader.int("maxConcurrentTrials")
        trialTimeout = try reader.string("trialTimeout")
        for (key, value) in [("timeout", timeout), ("trialTimeout", trialTimeout)] {
            if let value, ISODuration.seconds(value) == nil {
                throw .invalidBody("'\(value)' is not an ISO 8601 duration", field: reader.field(key))
            }
        }
    }

    /// The limits as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("maxConcurrentTrials", maxConcurrentTrials)
        writer.set("maxTotalTrials", maxTotalTrials)
        writer.set("timeout", timeout)
        writer.set("trialTimeout", trialTimeout)
        writer.set("jobLimitsType", jobLimitsType)
        return writer.json
    }
}

/// `identity` of a job: `AMLToken`, `Managed` or `UserIdentity`.
public struct JobIdentity: Sendable, Hashable {
    /// The allowed `identityType` values.
    public static let types = ["AMLToken", "Managed", "UserIdentity"]

    /// One of `types`.
    public var identityType: String
    /// Managed identity: client id.
    public var clientId: String?
    /// Managed identity: object id.
    public var objectId: String?
    /// Managed identity: ARM id of a user-assigned identity.
    public var resourceId: String?

    /// An identity.
    public init(identityType: String, clientId: String? = nil, objectId: String? = nil, resourceId: String? = nil) {
        self.identityType = identityType
        self.clientId = clientId
        self.objectId = objectId
        self.resourceId = resourceId
    }

    /// Reads an identity.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("identityType", Self.types) else { throw reader.missing("identityType") }
        identityType = type
        clientId = try reader.string("clientId")
        objectId = try reader.string("objectId")
        resourceId = try reader.string("resourceId")
    }

    /// The identity as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("clientId", clientId)
        writer.set("objectId", objectId)
        writer.set("resourceId", resourceId)
        writer.set("identityType", identityType)
        return writer.json
    }
}

/// A job service (JupyterLab, SSH, TensorBoard, VSCode, Custom; `Studio` and `Tracking` are service-created).
public struct JobService: Sendable, Hashable {
    /// The allowed `jobServiceType` values.
    public static let types = ["JupyterLab", "SSH", "TensorBoard", "VSCode", "Custom", "Studio", "Tracking"]

    /// One of `types`.
    public var jobServiceType: String?
    /// The port the service listens on.
    public var port: Int?
    /// Which nodes run the service: `{"nodesValueType": "All"}`.
    public var nodes: JSONValue?
    /// `sshPublicKeys` for SSH, `logDir` for TensorBoard.
    public var properties: [String: String]?
    /// Server-set: the URL of the service.
    public var endpoint: String?
    /// Server-set: the service's status.
    public var status: String?

    /// A service.
    public init(
        jobServiceType: String?, port: Int? = nil, nodes: JSONValue? = nil, properties: [String: String]? = nil,
        endpoint: String? = nil, status: String? = nil
    ) {
        self.jobServiceType = jobServiceType
        self.port = port
        self.nodes = nodes
        self.properties = properties
        self.endpoint = endpoint
        self.status = status
    }

    /// Reads a service.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        jobServiceType = try reader.enumString("jobServiceType", Self.types)
        port = try reader.int("port")
        nodes = reader.raw("nodes")
        properties = try reader.stringMap("properties")
        endpoint = try reader.string("endpoint")
        status = try reader.string("status")
    }

    /// The service as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("jobServiceType", jobServiceType)
        writer.set("port", port)
        writer.set("nodes", nodes)
        writer.set("properties", properties)
        writer.set("endpoint", endpoint)
        writer.set("status", status)
        return writer.json
    }
}

/// `queueSettings`: the job tier and (preview) priority.
public struct QueueSettings: Sendable, Hashable {
    /// `Null`, `Spot`, `Basic`, `Standard` or `Premium`.
    public var jobTier: String?
    /// 1 (low), 2 (medium) or 3 (high).
    public var priority: Int?

    /// Queue settings.
    public init(jobTier: String?, priority: Int? = nil) {
        self.jobTier = jobTier
        self.priority = priority
    }

    /// Reads queue settings.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        jobTier = try reader.enumString("jobTier", ["Null", "Spot", "Basic", "Standard", "Premium"])
        priority = try reader.int("priority")
    }

    /// The settings as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("jobTier", jobTier)
        writer.set("priority", priority)
        return writer.json
    }
}
