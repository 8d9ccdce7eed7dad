/// The answer of `POST .../codes/{name}/versions/{version}/startPendingUpload` (§2.4).
public struct PendingUpload: Sendable, Hashable {
    /// The body the SDK sends.
    public static let requestBody: JSONValue = ["pendingUploadType": "TemporaryBlobReference"]

    /// The container URL to upload under.
    public var blobUri: String
    /// The storage account's ARM id.
    public var storageAccountArmId: String?
    /// The container URL with a SAS query that authorizes the upload.
    public var sasUri: String
    /// An id for the pending upload.
    public var pendingUploadId: String?
    /// `TemporaryBlobReference`.
    public var pendingUploadType: String?

    /// A pending upload.
    public init(
        blobUri: String, storageAccountArmId: String?, sasUri: String, pendingUploadId: String?,
        pendingUploadType: String? = "TemporaryBlobReference"
    ) {
        self.blobUri = blobUri
        self.storageAccountArmId = storageAccountArmId
        self.sasUri = sasUri
        self.pendingUploadId = pendingUploadId
        self.pendingUploadType = pendingUploadType
    }

    /// Reads a pending upload.
    public init(json: JSONValue) throws(AzureMLError) {
        let reader = try WireReader(json, path: "")
        guard let reference = try reader.object("blobReferenceForConsumption") else {
            throw reader.missing("blobReferenceForConsumption")
        }
        blobUri = try reference.requiredString("blobUri")
        storageAccountArmId = try reference.string("storageAccountArmId")
        guard let credential = try reference.object("credential") else { throw reference.missing("credential") }
        sasUri = try credential.requiredString("sasUri")
        pendingUploadId = try reader.string("pendingUploadId")
        pendingUploadType = try reader.string("pendingUploadType")
    }

    /// The answer as JSON.
    public var json: JSONValue {
        var credential = WireWriter()
        credential.set("credentialType", "SAS")
        credential.set("sasUri", sasUri)
        var reference = WireWriter()
        reference.set("blobUri", blobUri)
        reference.set("storageAccountArmId", storageAccountArmId)
        reference.set("credential", credential.json)
        var writer = WireWriter()
        writer.set("blobReferenceForConsumption", reference.json)
        writer.set("pendingUploadId", pendingUploadId)
        writer.set("pendingUploadType", pendingUploadType)
        return writer.json
    }
}

/// The body of an `Azure-AsyncOperation` status URL: `{"status": "InProgress|Succeeded|Failed|Canceled", ...}`.
public struct AsyncOperationStatus: Sendable, Hashable {
    /// The operation's status.
    public var status: String
    /// The error, when the operation failed.
    public var error: ARMErrorDetail?

    /// A status.
    public init(status: String, error: ARMErrorDetail? = nil) {
        self.status = status
        self.error = error
    }

    /// Reads a status body.
    public init(json: JSONValue) throws(AzureMLError) {
        let reader = try WireReader(json, path: "")
        status = try reader.requiredString("status")
        error = try reader.object("error").map { reader throws(AzureMLError) in try ARMErrorDetail(reader) }
    }

    /// Whether the operation has ended.
    public var isTerminal: Bool {
        ["succeeded", "failed", "canceled", "cancelled"].contains(status.lowercased())
    }

    /// The status as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("status", status)
        writer.set("error", error?.json)
        return writer.json
    }
}
