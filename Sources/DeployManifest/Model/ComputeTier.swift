/// An amlcompute cluster's `tier`.
public enum ComputeTier: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `low_priority`.
    case lowPriority = "low_priority"
    /// `dedicated`.
    case dedicated
}
