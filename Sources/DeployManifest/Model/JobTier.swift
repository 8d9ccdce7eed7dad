/// `queue_settings.job_tier`.
public enum JobTier: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `spot` → `Spot`.
    case spot
    /// `basic` → `Basic`.
    case basic
    /// `standard` → `Standard`.
    case standard
    /// `premium` → `Premium`.
    case premium
    /// `null` (quoted; a plain `null` is YAML's null) → `Null`.
    case null

    /// The REST `jobTier` (`Spot`, `Basic`, `Standard`, `Premium`, `Null`).
    public var restValue: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
