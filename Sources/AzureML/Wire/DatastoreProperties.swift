/// The properties of an Azure Blob datastore (`GET .../datastores/{name}`).
public struct DatastoreProperties: Sendable, Hashable {
    /// `AzureBlob` for the datastores this tool uploads to.
    public var datastoreType: String
    /// The storage account.
    public var accountName: String?
    /// The blob container.
    public var containerName: String?
    /// The storage endpoint suffix, e.g. `core.windows.net`.
    public var endpoint: String?
    /// `https` normally.
    public var `protocol`: String?
    /// Whether this is the workspace's default datastore.
    public var isDefault: Bool?
    /// `AccountKey`, `Sas`, `None` (identity-based), ...
    public var credentialsType: String?
    /// Free text.
    public var description: String?

    /// Datastore properties.
    public init(
        datastoreType: String = "AzureBlob", accountName: String?, containerName: String?,
        endpoint: String? = "core.windows.net", protocol: String? = "https", isDefault: Bool? = false,
        credentialsType: String? = "AccountKey", description: String? = nil
    ) {
        self.datastoreType = datastoreType
        self.accountName = accountName
        self.containerName = containerName
        self.endpoint = endpoint
        self.protocol = `protocol`
        self.isDefault = isDefault
        self.credentialsType = credentialsType
        self.description = description
    }

    /// Reads datastore properties.
    public init(json: JSONValue, path: String = "properties") throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        datastoreType = try reader.requiredString("datastoreType")
        accountName = try reader.string("accountName")
        containerName = try reader.string("containerName")
        endpoint = try reader.string("endpoint")
        `protocol` = try reader.string("protocol")
        isDefault = try reader.bool("isDefault")
        credentialsType = try reader.object("credentials")?.string("credentialsType")
        description = try reader.string("description")
    }

    /// The properties as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("datastoreType", datastoreType)
        writer.set("accountName", accountName)
        writer.set("containerName", containerName)
        writer.set("endpoint", endpoint)
        writer.set("protocol", `protocol`)
        writer.set("isDefault", isDefault)
        writer.set("credentials", credentialsType.map { ["credentialsType": .string($0)] })
        writer.set("description", description)
        return writer.json
    }
}

/// The answer of `POST .../datastores/{name}/listSecrets`: a SAS token or an account key. Printing it never shows
/// the secret.
public struct DatastoreSecrets: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `Sas` or `AccountKey`.
    public var secretsType: String
    /// The SAS token (without `?`), for `Sas`.
    public var sasToken: String?
    /// The base64 account key, for `AccountKey`.
    public var key: String?

    /// Secrets.
    public init(secretsType: String, sasToken: String? = nil, key: String? = nil) {
        self.secretsType = secretsType
        self.sasToken = sasToken
        self.key = key
    }

    /// Reads secrets.
    public init(json: JSONValue) throws(AzureMLError) {
        let reader = try WireReader(json, path: "")
        secretsType = try reader.requiredString("secretsType")
        sasToken = try reader.string("sasToken")
        key = try reader.string("key")
    }

    /// The secrets as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("secretsType", secretsType)
        writer.set("sasToken", sasToken)
        writer.set("key", key)
        return writer.json
    }

    public var description: String {
        "DatastoreSecrets(\(secretsType), \(sasToken == nil && key == nil ? "empty" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    /// The body the SDK sends to `listSecrets`.
    public static let requestBody: JSONValue = ["expirableSecret": true, "expireAfterHours": 1]
}
