public import AzureML

/// What the applier needs from blob storage, given to it by the caller (the CLI builds it on `WorkspaceClient`'s
/// `BlobUploader`, which this module does not import): read a blob's metadata, upload a file (conditionally unless
/// overwriting; Put Block and Put Block List for large files), and set a blob's metadata. Closures throw
/// `ApplyError.storageFailed` to carry the service's status and code, or any error.
public struct BlobTransfer: Sendable {
    /// What an upload of one file did.
    public enum UploadOutcome: Sendable, Hashable {
        /// The blob was written.
        case uploaded
        /// The blob existed already and the upload was conditional (`If-None-Match: *`): nothing was written.
        case alreadyExists
    }

    /// The metadata of the blob (`x-ms-meta-*`, names lowercased without the prefix), or `nil` when it does not
    /// exist (Get Blob Properties, `HEAD`).
    public var metadata:
        @Sendable (_ blob: BlobURL, _ authorization: BlobAuthorization) async throws -> [String: String]?
    /// Uploads the file at `path` to `blob`; without `overwrite` only if the blob does not exist. `progress`
    /// receives the bytes of the file sent so far.
    public var upload:
        @Sendable (
            _ path: String, _ blob: BlobURL, _ authorization: BlobAuthorization, _ overwrite: Bool,
            _ progress: @escaping @Sendable (Int) -> Void
        ) async throws -> UploadOutcome
    /// Replaces the blob's metadata (Set Blob Metadata).
    public var setMetadata:
        @Sendable (_ metadata: [(name: String, value: String)], _ blob: BlobURL, _ authorization: BlobAuthorization)
            async throws -> Void

    /// A transfer from its three operations.
    public init(
        metadata: @escaping @Sendable (BlobURL, BlobAuthorization) async throws -> [String: String]?,
        upload:
            @escaping @Sendable (String, BlobURL, BlobAuthorization, Bool, @escaping @Sendable (Int) -> Void)
            async throws -> UploadOutcome,
        setMetadata:
            @escaping @Sendable ([(name: String, value: String)], BlobURL, BlobAuthorization) async throws ->
            Void
    ) {
        self.metadata = metadata
        self.upload = upload
        self.setMetadata = setMetadata
    }
}
