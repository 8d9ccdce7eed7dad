/// The ARM envelope of every workspace resource: what GET and PUT return, and (with only `properties`) what PUT
/// sends.
public struct ARMResource: Sendable, Hashable {
    /// The ARM id (`/subscriptions/.../jobs/name`).
    public var id: String
    /// The last segment of the id: the version for asset versions, the job or asset name otherwise.
    public var name: String
    /// The resource type, e.g. `Microsoft.MachineLearningServices/workspaces/jobs`.
    public var type: String
    /// The resource's properties, as stored.
    public var properties: JSONObject
    /// Creation and modification stamps.
    public var systemData: SystemData?
    /// The Azure region, for tracked resources such as computes.
    public var location: String?
    /// Top-level tags, for tracked resources such as computes.
    public var tags: [String: String]?

    /// An envelope.
    public init(
        id: String, name: String, type: String, properties: JSONObject, systemData: SystemData? = nil,
        location: String? = nil, tags: [String: String]? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.properties = properties
        self.systemData = systemData
        self.location = location
        self.tags = tags
    }

    /// Reads an envelope from a response body.
    public init(json: JSONValue) throws(AzureMLError) {
        let reader = try WireReader(json, path: "")
        id = try reader.requiredString("id")
        name = try reader.requiredString("name")
        type = try reader.string("type") ?? ""
        properties = try reader.object("properties")?.object ?? JSONObject()
        systemData = try reader.object("systemData").map { reader throws(AzureMLError) in try SystemData(reader) }
        location = try reader.string("location")
        tags = try reader.stringMap("tags")
    }

    /// The envelope as JSON, as the server answers it.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("id", id)
        writer.set("name", name)
        writer.set("type", type)
        writer.set("location", location)
        writer.set("tags", tags)
        writer.set("properties", JSONValue.object(properties))
        writer.set("systemData", systemData?.json)
        return writer.json
    }
}

/// ARM's `systemData`: who created and last modified a resource, and when (ISO 8601 UTC).
public struct SystemData: Sendable, Hashable {
    /// When the resource was created.
    public var createdAt: String?
    /// Who created it.
    public var createdBy: String?
    /// `User`, `Application`, `ManagedIdentity` or `Key`.
    public var createdByType: String?
    /// When it was last modified.
    public var lastModifiedAt: String?
    /// Who last modified it.
    public var lastModifiedBy: String?
    /// The kind of the last modifier.
    public var lastModifiedByType: String?

    /// Stamps.
    public init(
        createdAt: String?, createdBy: String?, createdByType: String?, lastModifiedAt: String?,
        lastModifiedBy: String?, lastModifiedByType: String?
    ) {
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.createdByType = createdByType
        self.lastModifiedAt = lastModifiedAt
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedByType = lastModifiedByType
    }

    init(_ reader: WireReader) throws(AzureMLError) {
        createdAt = try reader.string("createdAt")
        createdBy = try reader.string("createdBy")
        createdByType = try reader.string("createdByType")
        lastModifiedAt = try reader.string("lastModifiedAt")
        lastModifiedBy = try reader.string("lastModifiedBy")
        lastModifiedByType = try reader.string("lastModifiedByType")
    }

    /// The stamps as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("createdAt", createdAt)
        writer.set("createdBy", createdBy)
        writer.set("createdByType", createdByType)
        writer.set("lastModifiedAt", lastModifiedAt)
        writer.set("lastModifiedBy", lastModifiedBy)
        writer.set("lastModifiedByType", lastModifiedByType)
        return writer.json
    }
}

/// A page of a list response: `{"value": [...], "nextLink": "..."}`.
public struct ARMPage: Sendable, Hashable {
    /// The resources on this page.
    public var value: [ARMResource]
    /// The URL of the next page, when there is one.
    public var nextLink: String?

    /// A page.
    public init(value: [ARMResource], nextLink: String?) {
        self.value = value
        self.nextLink = nextLink
    }

    /// Reads a page from a response body.
    public init(json: JSONValue) throws(AzureMLError) {
        let reader = try WireReader(json, path: "")
        var resources: [ARMResource] = []
        for (index, element) in (try reader.array("value") ?? []).enumerated() {
            do {
                resources.append(try ARMResource(json: element))
            } catch {
                throw .invalidBody(error.message, field: "value[\(index)].\(error.location ?? "")")
            }
        }
        value = resources
        nextLink = try reader.string("nextLink")
    }

    /// The page as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("value", JSONValue.array(value.map(\.json)))
        writer.set("nextLink", nextLink)
        return writer.json
    }
}
