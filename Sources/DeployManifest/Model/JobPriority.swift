/// `queue_settings.priority`, sent as an integer (low 1, medium 2, high 3).
public enum JobPriority: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `low` → 1.
    case low
    /// `medium` → 2.
    case medium
    /// `high` → 3.
    case high

    /// The integer the REST body carries.
    public var restValue: Int {
        switch self {
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        }
    }
}
