/// `auto_delete_setting.condition` of an asset (experimental in the SDK).
public enum AutoDeleteCondition: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `created_greater_than`.
    case createdGreaterThan = "created_greater_than"
    /// `last_accessed_greater_than`.
    case lastAccessedGreaterThan = "last_accessed_greater_than"

    static var acceptsCamelCase: Bool { true }
}
