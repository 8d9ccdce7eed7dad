extension DatastoreProperties {
    /// The blob service URL of the datastore's storage account: `{protocol}://{account}.blob.{endpoint}`, except
    /// when `endpoint` is itself an `http://` or `https://` URL, which then is the account URL (the local workspace
    /// serves its blob store that way). `nil` when there is no account name to build it from.
    public var accountURL: String? {
        let endpoint = endpoint ?? "core.windows.net"
        let lowered = endpoint.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        }
        guard let accountName, !accountName.isEmpty else { return nil }
        let scheme = `protocol`.flatMap { $0.isEmpty ? nil : $0 } ?? "https"
        return "\(scheme)://\(accountName).blob.\(endpoint)"
    }

    /// The URL of the datastore's container, without credentials; `nil` without an account URL or container.
    public var containerURL: BlobURL? {
        guard let accountURL, let containerName, !containerName.isEmpty else { return nil }
        return BlobURL(accountURL).appending(blobName: containerName)
    }
}
