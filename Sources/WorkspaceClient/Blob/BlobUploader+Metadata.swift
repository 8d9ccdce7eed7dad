public import AzureML

/// The blob calls around an upload: reading a blob's properties (the SDK's indicator-file check) and setting its
/// metadata (the `upload_status: completed` marker written after the last file).
extension BlobUploader {
    /// The blob's size and metadata; `nil` when it does not exist.
    public func properties(of url: BlobURL, authorization: BlobAuthorization = .sasInURL) async throws
        -> BlobProperties?
    {
        let request = BlobRequest(method: "HEAD", url: url.string, authorization: authorization)
        let response = try await service.send(request)
        if response.status == 404 { return nil }
        try Self.check(response, of: request, expecting: 200)
        return BlobProperties(headers: response.headers)
    }

    /// Replaces the blob's metadata with `metadata` (Set Blob Metadata, `PUT ?comp=metadata`).
    public func setMetadata(
        _ metadata: [(name: String, value: String)], on url: BlobURL, authorization: BlobAuthorization = .sasInURL
    ) async throws {
        let request = BlobRequest(
            method: "PUT", url: url.adding([("comp", "metadata")]).string,
            headers: metadata.map { Header("x-ms-meta-\($0.name)", $0.value) }, authorization: authorization)
        let response = try await service.send(request)
        try Self.check(response, of: request, expecting: 200)
    }
}
