/// The properties of a data version (`PUT .../data/{name}/versions/{version}`, §2.3).
public struct DataVersionProperties: Sendable, Hashable {
    /// The allowed `dataType` values.
    public static let dataTypes = ["uri_file", "uri_folder", "mltable"]

    /// `uri_file`, `uri_folder` or `mltable`.
    public var dataType: String
    /// Where the data is: `azureml://datastores/...`, `https://`, `wasbs://`, `abfss://`.
    public var dataUri: String
    /// For `mltable`: the paths listed in the MLTable file.
    public var referencedUris: [String]?
    /// Free text.
    public var description: String?
    /// Tags.
    public var tags: [String: String]?
    /// Properties.
    public var properties: [String: String]?
    /// Whether this is an anonymous asset.
    public var isAnonymous: Bool?
    /// Whether the version is archived.
    public var isArchived: Bool?
    /// Lifecycle stage.
    public var stage: String?
    /// Server-set.
    public var provisioningState: String?

    /// Data properties.
    public init(
        dataType: String, dataUri: String, referencedUris: [String]? = nil, description: String? = nil,
        tags: [String: String]? = [:], properties: [String: String]? = [:], isAnonymous: Bool? = false,
        isArchived: Bool? = false, stage: String? = nil
    ) {
        self.dataType = dataType
        self.dataUri = dataUri
        self.referencedUris = referencedUris
        self.description = description
        self.tags = tags
        self.properties = properties
        self.isAnonymous = isAnonymous
        self.isArchived = isArchived
        self.stage = stage
    }

    /// Reads and validates data properties.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("dataType", Self.dataTypes) else { throw reader.missing("dataType") }
        dataType = type.lowercased()
        dataUri = try reader.requiredString("dataUri")
        referencedUris = try reader.stringArray("referencedUris")
        description = try reader.string("description")
        tags = try reader.stringMap("tags")
        properties = try reader.stringMap("properties")
        isAnonymous = try reader.bool("isAnonymous")
        isArchived = try reader.bool("isArchived")
        stage = try reader.string("stage")
        provisioningState = try reader.string("provisioningState")
    }

    /// The properties as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("description", description)
        writer.set("isAnonymous", isAnonymous)
        writer.set("tags", tags)
        writer.set("isArchived", isArchived)
        writer.set("properties", properties)
        writer.set("dataUri", dataUri)
        writer.set("referencedUris", referencedUris)
        writer.set("dataType", dataType)
        writer.set("stage", stage)
        writer.set("provisioningState", provisioningState)
        return writer.json
    }
}
