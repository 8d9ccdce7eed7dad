/// A local file a plan depends on (a manifest, a conda file, a file to upload) and the SHA-256 of its contents when
/// the plan was made.
public struct FileFingerprint: Sendable, Hashable {
    /// The absolute path.
    public var path: String
    /// The SHA-256 of the contents, in hexadecimal.
    public var digest: String

    /// A fingerprint.
    public init(path: String, digest: String) {
        self.path = path
        self.digest = digest
    }
}
