public import AzureML

/// What Get Blob Properties (`HEAD`) says about a blob: its size and its metadata, as the SDK's upload indicator
/// check reads them (`upload_status`, `name`, `version`).
public struct BlobProperties: Sendable, Hashable {
    /// `Content-Length`, when sent.
    public var contentLength: Int?
    /// The `x-ms-meta-*` headers, by lowercased name without the prefix.
    public var metadata: [String: String]

    /// Properties.
    public init(contentLength: Int?, metadata: [String: String]) {
        self.contentLength = contentLength
        self.metadata = metadata
    }

    /// Reads the headers of a `HEAD` answer.
    public init(headers: [Header]) {
        contentLength = headers.value("Content-Length").flatMap(Int.init)
        var metadata: [String: String] = [:]
        for header in headers where header.name.lowercased().hasPrefix("x-ms-meta-") {
            metadata[String(header.name.lowercased().dropFirst("x-ms-meta-".count))] = header.value
        }
        self.metadata = metadata
    }
}
