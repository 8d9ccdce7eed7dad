/// The properties of an environment version (`PUT .../environments/{name}/versions/{version}`, §2.2).
public struct EnvironmentVersionProperties: Sendable, Hashable {
    /// A Docker image, e.g. `mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest`.
    public var image: String?
    /// The conda file as YAML text (the SDK re-dumps it with sorted keys).
    public var condaFile: String?
    /// A Docker build context instead of an image.
    public var build: BuildContext?
    /// `linux` or `windows` (the SDK sends lowercase; the spec says `Linux|Windows`).
    public var osType: String?
    /// Inference routes, kept as sent.
    public var inferenceConfig: JSONValue?
    /// `Disabled` or `OnBaseImageUpdate`.
    public var autoRebuild: String?
    /// Free text.
    public var description: String?
    /// Tags.
    public var tags: [String: String]?
    /// Properties.
    public var properties: [String: String]?
    /// Whether this is an anonymous (inline) environment.
    public var isAnonymous: Bool?
    /// Whether the version is archived.
    public var isArchived: Bool?
    /// Lifecycle stage.
    public var stage: String?
    /// Server-set: `Curated` or `UserCreated`.
    public var environmentType: String?
    /// Server-set: `Succeeded`, `Creating`, ...
    public var provisioningState: String?

    /// Environment properties.
    public init(
        image: String? = nil, condaFile: String? = nil, build: BuildContext? = nil, osType: String? = nil,
        inferenceConfig: JSONValue? = nil, autoRebuild: String? = nil, description: String? = nil,
        tags: [String: String]? = nil, properties: [String: String]? = nil, isAnonymous: Bool? = false,
        isArchived: Bool? = false, stage: String? = nil
    ) {
        self.image = image
        self.condaFile = condaFile
        self.build = build
        self.osType = osType
        self.inferenceConfig = inferenceConfig
        self.autoRebuild = autoRebuild
        self.description = description
        self.tags = tags
        self.properties = properties
        self.isAnonymous = isAnonymous
        self.isArchived = isArchived
        self.stage = stage
    }

    /// Reads and validates environment properties; errors name the offending field.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        image = try reader.string("image")
        condaFile = try reader.string("condaFile")
        build = try reader.object("build").map { reader throws(AzureMLError) in try BuildContext(reader) }
        osType = try reader.enumString("osType", ["Linux", "Windows"])
        inferenceConfig = reader.raw("inferenceConfig")
        if let config = inferenceConfig, config.objectValue == nil {
            throw .invalidBody("expected an object, found \(config.typeName)", field: reader.field("inferenceConfig"))
        }
        autoRebuild = try reader.enumString("autoRebuild", ["Disabled", "OnBaseImageUpdate"])
        description = try reader.string("description")
        tags = try reader.stringMap("tags")
        properties = try reader.stringMap("properties")
        isAnonymous = try reader.bool("isAnonymous")
        isArchived = try reader.bool("isArchived")
        stage = try reader.string("stage")
        environmentType = try reader.string("environmentType")
        provisioningState = try reader.string("provisioningState")
        if image != nil && build != nil {
            throw .invalidBody("an environment takes either an image or a build context, not both", field: path)
        }
        if image == nil && build == nil {
            throw .invalidBody("an environment needs an image or a build context", field: reader.field("image"))
        }
    }

    /// The properties as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("condaFile", condaFile)
        writer.set("image", image)
        writer.set("build", build?.json)
        writer.set("osType", osType)
        writer.set("tags", tags)
        writer.set("properties", properties)
        writer.set("isAnonymous", isAnonymous)
        writer.set("isArchived", isArchived)
        writer.set("inferenceConfig", inferenceConfig)
        writer.set("autoRebuild", autoRebuild)
        writer.set("stage", stage)
        writer.set("description", description)
        writer.set("environmentType", environmentType)
        writer.set("provisioningState", provisioningState)
        return writer.json
    }
}

/// A Docker build context: a folder URL (ending in `/`) and the Dockerfile's path inside it.
public struct BuildContext: Sendable, Hashable {
    /// Where the context was uploaded.
    public var contextUri: String
    /// The Dockerfile, relative to the context.
    public var dockerfilePath: String?

    /// A build context.
    public init(contextUri: String, dockerfilePath: String? = nil) {
        self.contextUri = contextUri
        self.dockerfilePath = dockerfilePath
    }

    init(_ reader: WireReader) throws(AzureMLError) {
        contextUri = try reader.requiredString("contextUri")
        dockerfilePath = try reader.string("dockerfilePath")
    }

    /// The context as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("contextUri", contextUri)
        writer.set("dockerfilePath", dockerfilePath)
        return writer.json
    }
}
