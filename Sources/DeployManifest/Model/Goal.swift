/// `objective.goal` of a sweep.
public enum Goal: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `minimize`.
    case minimize
    /// `maximize`.
    case maximize

    static var acceptsCamelCase: Bool { true }
}
