/// The properties of an `AmlCompute` cluster (`PUT .../computes/{name}`, an asynchronous operation).
public struct ComputeProperties: Sendable, Hashable {
    /// Always `AmlCompute` here.
    public var computeType: String
    /// Free text.
    public var description: String?
    /// VM size, e.g. `STANDARD_DS3_V2`.
    public var vmSize: String?
    /// `Dedicated` or `LowPriority` (the manifest's `tier`).
    public var vmPriority: String?
    /// Nodes kept running when idle.
    public var minNodeCount: Int?
    /// Upper bound of nodes (the local workspace runs at most this many jobs at once).
    public var maxNodeCount: Int?
    /// ISO 8601 idle time before scaling down.
    public var nodeIdleTimeBeforeScaleDown: String?
    /// Server-set: `Creating`, `Succeeded`, `Failed`, `Deleting`, ...
    public var provisioningState: String?

    /// Compute properties.
    public init(
        computeType: String = "AmlCompute", description: String? = nil, vmSize: String? = nil,
        vmPriority: String? = nil, minNodeCount: Int? = nil, maxNodeCount: Int? = nil,
        nodeIdleTimeBeforeScaleDown: String? = nil
    ) {
        self.computeType = computeType
        self.description = description
        self.vmSize = vmSize
        self.vmPriority = vmPriority
        self.minNodeCount = minNodeCount
        self.maxNodeCount = maxNodeCount
        self.nodeIdleTimeBeforeScaleDown = nodeIdleTimeBeforeScaleDown
    }

    /// Reads and validates compute properties (the `properties` member of the resource).
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("computeType", ["AmlCompute"]) else {
            throw reader.missing("computeType")
        }
        computeType = type
        description = try reader.string("description")
        provisioningState = try reader.string("provisioningState")
        let inner = try reader.object("properties")
        vmSize = try inner?.string("vmSize")
        vmPriority = try inner?.enumString("vmPriority", ["Dedicated", "LowPriority"])
        let scale = try inner?.object("scaleSettings")
        minNodeCount = try scale?.int("minNodeCount")
        maxNodeCount = try scale?.int("maxNodeCount")
        nodeIdleTimeBeforeScaleDown = try scale?.string("nodeIdleTimeBeforeScaleDown")
        if let scale, maxNodeCount == nil { throw scale.missing("maxNodeCount") }
        if let minNodeCount, let maxNodeCount, minNodeCount > maxNodeCount {
            throw .invalidBody(
                "minNodeCount (\(minNodeCount)) exceeds maxNodeCount (\(maxNodeCount))",
                field: scale!.field("minNodeCount"))
        }
        if let idle = nodeIdleTimeBeforeScaleDown, ISODuration.seconds(idle) == nil {
            throw .invalidBody(
                "'\(idle)' is not an ISO 8601 duration", field: scale!.field("nodeIdleTimeBeforeScaleDown"))
        }
    }

    /// The properties as JSON, shaped as the SDK sends them.
    public var json: JSONValue {
        var scale = WireWriter()
        scale.set("maxNodeCount", maxNodeCount)
        scale.set("minNodeCount", minNodeCount)
        scale.set("nodeIdleTimeBeforeScaleDown", nodeIdleTimeBeforeScaleDown)
        var inner = WireWriter()
        inner.set("vmSize", vmSize)
        inner.set("vmPriority", vmPriority)
        if !scale.object.isEmpty { inner.set("scaleSettings", scale.json) }
        var writer = WireWriter()
        writer.set("computeType", computeType)
        writer.set("description", description)
        writer.set("properties", inner.json)
        writer.set("provisioningState", provisioningState)
        return writer.json
    }
}
