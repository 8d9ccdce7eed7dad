/// The properties of a code version (`PUT .../codes/{name}/versions/{version}`, §2.4).
public struct CodeVersionProperties: Sendable, Hashable {
    /// The `hash_version` of the SDK's content hash.
    public static let hashVersion = 202208

    /// The uploaded folder: the pending-upload container URL plus the folder's name.
    public var codeUri: String?
    /// Free text.
    public var description: String?
    /// Tags.
    public var tags: [String: String]?
    /// `hash_sha256` (string) and `hash_version` (integer 202208), which the hash lookup matches on.
    public var properties: JSONObject?
    /// Whether this is an anonymous asset (a job's inline `code:`).
    public var isAnonymous: Bool?
    /// Whether the version is archived.
    public var isArchived: Bool?
    /// Server-set.
    public var provisioningState: String?

    /// Code properties.
    public init(
        codeUri: String?, contentHash: String?, description: String? = nil, tags: [String: String]? = nil,
        isAnonymous: Bool? = true, isArchived: Bool? = nil
    ) {
        self.codeUri = codeUri
        self.description = description
        self.tags = tags
        if let contentHash {
            properties = ["hash_sha256": .string(contentHash), "hash_version": .int(Self.hashVersion)]
        }
        self.isAnonymous = isAnonymous
        self.isArchived = isArchived
    }

    /// Reads and validates code properties.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        codeUri = try reader.string("codeUri")
        description = try reader.string("description")
        tags = try reader.stringMap("tags")
        properties = try reader.object("properties")?.object
        isAnonymous = try reader.bool("isAnonymous")
        isArchived = try reader.bool("isArchived")
        provisioningState = try reader.string("provisioningState")
        if let properties {
            for (key, value) in properties where key != "hash_version" {
                guard case .string = value else {
                    throw .invalidBody("expected a string, found \(value.typeName)", field: "\(path).properties.\(key)")
                }
            }
        }
    }

    /// The content hash the version was registered with.
    public var contentHash: String? { properties?["hash_sha256"]?.stringValue }

    /// The hash version (`202208` for the SDK's current algorithm); accepts the number or its text.
    public var contentHashVersion: Int? {
        guard let value = properties?["hash_version"] else { return nil }
        return value.intValue ?? value.stringValue.flatMap { Int($0) }
    }

    /// The properties as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("description", description)
        writer.set("tags", tags)
        writer.set("codeUri", codeUri)
        writer.set("isAnonymous", isAnonymous)
        writer.set("isArchived", isArchived)
        writer.set("properties", properties.map(JSONValue.object))
        writer.set("provisioningState", provisioningState)
        return writer.json
    }
}
