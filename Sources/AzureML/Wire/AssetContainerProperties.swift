/// The properties of an asset container (`/environments/{name}`, `/data/{name}`, `/codes/{name}`).
public struct AssetContainerProperties: Sendable, Hashable {
    /// The newest version by creation, as the service reports it.
    public var latestVersion: String?
    /// The next integer version the service would assign.
    public var nextVersion: String?
    /// Free text.
    public var description: String?
    /// Tags.
    public var tags: [String: String]?
    /// Properties.
    public var properties: [String: String]?
    /// Whether the container is archived.
    public var isArchived: Bool?
    /// `Succeeded`, `Creating`, ...
    public var provisioningState: String?

    /// Container properties.
    public init(
        latestVersion: String?, nextVersion: String?, description: String? = nil, tags: [String: String]? = nil,
        properties: [String: String]? = nil, isArchived: Bool? = false, provisioningState: String? = nil
    ) {
        self.latestVersion = latestVersion
        self.nextVersion = nextVersion
        self.description = description
        self.tags = tags
        self.properties = properties
        self.isArchived = isArchived
        self.provisioningState = provisioningState
    }

    /// Reads container properties.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        latestVersion = try reader.string("latestVersion")
        nextVersion = try reader.string("nextVersion")
        description = try reader.string("description")
        tags = try reader.stringMap("tags")
        properties = try reader.stringMap("properties")
        isArchived = try reader.bool("isArchived")
        provisioningState = try reader.string("provisioningState")
    }

    /// The properties as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("description", description)
        writer.set("tags", tags)
        writer.set("properties", properties)
        writer.set("isArchived", isArchived)
        writer.set("latestVersion", latestVersion)
        writer.set("nextVersion", nextVersion)
        writer.set("provisioningState", provisioningState)
        return writer.json
    }
}
