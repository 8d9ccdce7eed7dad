/// How a job output leaves the compute (`mode:` of an output).
public enum OutputMode: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `mount` → `ReadWriteMount`.
    case mount
    /// `upload` → `Upload`.
    case upload
    /// `rw_mount` → `ReadWriteMount`.
    case rwMount = "rw_mount"
    /// `direct` → `Direct`.
    case direct

    /// The REST spelling (`ReadWriteMount` for both `mount` and `rw_mount`, `Upload`, `Direct`).
    public var restValue: String {
        switch self {
        case .mount, .rwMount: return "ReadWriteMount"
        case .upload: return "Upload"
        case .direct: return "Direct"
        }
    }
}
