import DeployManifest

/// One request of a dry run: an ARM request (method, path, api-version, query, body) or an upload of local files
/// (listed, not read), with the manifest position it comes from.
public struct RenderedRequest: Sendable, Hashable {
    /// What is sent.
    public enum Content: Sendable, Hashable {
        /// An ARM request.
        case arm(ARMRequest)
        /// The blob requests of one upload (HEAD of the indicator file, a PUT per file, the metadata PUT), shown as
        /// the files they send; `alreadyUploaded` when an earlier request of the run uploaded them, so the SDK's
        /// HEAD finds them and nothing is sent.
        case upload(Upload, alreadyUploaded: Bool)
        /// The blob or https requests that download one file, shown as its URL.
        case download(RemoteRead)
    }

    /// What is sent.
    public var content: Content
    /// Where in a manifest the request comes from.
    public var source: SourceLocation

    /// A request.
    public init(content: Content, source: SourceLocation) {
        self.content = content
        self.source = source
    }

    /// The HTTP method, or `UPLOAD` or `DOWNLOAD` for blob transfers.
    public var method: String {
        switch content {
        case .arm(let request): request.method
        case .upload: "UPLOAD"
        case .download: "DOWNLOAD"
        }
    }

    /// The request as `deploy render` prints it: `method`, `path`, `api_version`, `query` (name → value), `body`,
    /// `source`; uploads as `destination` (the container, a placeholder), `prefix`, `files` (`path`, `blob`, `size`),
    /// `bytes` and `already_uploaded`; downloads as `url`.
    public var json: JSONValue {
        var object = JSONObject()
        object["method"] = .string(method)
        switch content {
        case .arm(let request):
            object["path"] = .string(request.path)
            object["api_version"] = request.apiVersion.map(JSONValue.string) ?? .null
            object["query"] = .object(JSONObject(request.query.map { ($0.name, .string($0.value)) }))
            object["body"] = request.body ?? .null
        case .upload(let upload, let alreadyUploaded):
            object["destination"] = .string(upload.containerURL.description)
            object["prefix"] = .string(upload.prefix)
            object["files"] = .array(
                upload.files.map { file in
                    [
                        "path": .string(Self.displayPath(file, of: upload)), "blob": .string(file.blobPath),
                        "size": .int(Int(file.size)),
                    ]
                })
            object["bytes"] = .int(Int(upload.totalBytes))
            object["already_uploaded"] = .bool(alreadyUploaded)
        case .download(let read):
            object["url"] = .string(read.url.description)
        }
        object["source"] = .string(source.description)
        return .object(object)
    }

    /// A file's local path as the manifest's folder shows it (`src/main.py`).
    static func displayPath(_ file: Upload.File, of upload: Upload) -> String {
        let isFolder = !upload.prefix.isEmpty && file.blobPath != upload.prefix
        return isFolder ? upload.source.display + "/" + file.relativePath : upload.source.display
    }
}
