public import DeployManifest

/// Local files a resource needs in blob storage before it is created: a code snapshot (to the container that
/// `startPendingUpload` hands out) or a local folder or file (to a datastore, under `LocalUpload/<object hash>/`).
public struct Upload: Sendable, Hashable {
    /// Where the files go.
    public enum Destination: Sendable, Hashable {
        /// The temporary container `startPendingUpload` returns for this code version.
        case pendingUpload(codeName: String, version: String)
        /// A datastore's container.
        case datastore(String)
    }

    /// One file.
    public struct File: Sendable, Hashable {
        /// The absolute path to read.
        public var path: String
        /// The path below the uploaded folder (`utils/io.py`), or the file's name when a single file is uploaded.
        public var relativePath: String
        /// The blob name inside the destination container (`src/main.py`, `LocalUpload/<hash>/iris.csv`).
        public var blobPath: String
        /// The size in bytes when listed.
        public var size: Int64

        /// A file.
        public init(path: String, relativePath: String, blobPath: String, size: Int64) {
            self.path = path
            self.relativePath = relativePath
            self.blobPath = blobPath
            self.size = size
        }
    }

    /// Where the files go.
    public var destination: Destination
    /// The local file or folder, as the manifest names it.
    public var source: LocalPath
    /// The blob name of the uploaded file or folder (`src`, `LocalUpload/<hash>/data`): what URIs point at.
    public var prefix: String
    /// The files, sorted by blob name; the first is the indicator file the SDK marks `upload_status=completed`.
    public var files: [File]
    /// The hash that names the upload: the content hash (v202208) for code, the object hash for datastore uploads.
    public var hash: String
    /// Where the manifest names the local path.
    public var location: SourceLocation

    /// An upload with every field given.
    public init(
        destination: Destination, source: LocalPath, prefix: String, files: [File], hash: String,
        location: SourceLocation
    ) {
        self.destination = destination
        self.source = source
        self.prefix = prefix
        self.files = files
        self.hash = hash
        self.location = location
    }

    /// The total number of bytes.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// The URI of the uploaded file or folder in `azureml://datastores/<datastore>/paths/<prefix>` form, for datastore
    /// uploads.
    public var datastoreURI: String? {
        guard case .datastore(let name) = destination else { return nil }
        return "azureml://datastores/\(name)/paths/\(prefix)"
    }

    /// The https URL of the uploaded file or folder, with the container URL left as a placeholder.
    public var containerURL: TemplateString {
        switch destination {
        case .pendingUpload(let name, let version):
            return TemplateString([.placeholder(.pendingUploadContainer(codeName: name, version: version))])
        case .datastore(let name):
            return TemplateString([.placeholder(.datastoreContainer(name))])
        }
    }
}
