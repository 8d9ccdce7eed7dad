/// What the uploads of one change did: files written, files the storage held already, and bytes sent.
public struct UploadSummary: Sendable, Hashable {
    /// Files written.
    public var uploadedFiles: Int
    /// Files not written: the storage held them already (a completed upload of the same content, or a blob that
    /// existed under the conditional upload).
    public var existingFiles: Int
    /// Bytes sent.
    public var bytes: Int64

    /// A summary.
    public init(uploadedFiles: Int = 0, existingFiles: Int = 0, bytes: Int64 = 0) {
        self.uploadedFiles = uploadedFiles
        self.existingFiles = existingFiles
        self.bytes = bytes
    }

    /// Whether anything was uploaded or found.
    public var isEmpty: Bool { uploadedFiles == 0 && existingFiles == 0 }

    /// Both summaries together.
    public static func + (lhs: UploadSummary, rhs: UploadSummary) -> UploadSummary {
        UploadSummary(
            uploadedFiles: lhs.uploadedFiles + rhs.uploadedFiles, existingFiles: lhs.existingFiles + rhs.existingFiles,
            bytes: lhs.bytes + rhs.bytes)
    }
}
