/// One file of a folder as the SDK hashes and uploads it.
public struct LocalFile: Sendable, Hashable {
    /// The POSIX path under the folder (`utils/io.py`), through the names of symbolic links as written; the single
    /// file's own name when a file rather than a folder was listed.
    public let relativePath: String
    /// The absolute path to read, symbolic links resolved.
    public let path: String
    /// The size in bytes when listed.
    public let size: Int64

    /// A file at `path`, known under the folder as `relativePath`.
    public init(relativePath: String, path: String, size: Int64) {
        self.relativePath = relativePath
        self.path = path
        self.size = size
    }
}
