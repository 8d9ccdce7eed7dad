/// `sampling_algorithm.rule` of random sampling.
public enum SamplingRule: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `random`.
    case random
    /// `sobol`.
    case sobol

    static var acceptsCamelCase: Bool { true }
}
