/// An environment's `os_type`.
public enum OperatingSystem: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `linux`.
    case linux
    /// `windows`.
    case windows
}
