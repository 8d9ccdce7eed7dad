/// A sweep's sampling algorithm: `random`, `grid` or `bayesian`.
public enum SamplingType: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `random` → `Random`.
    case random
    /// `grid` → `Grid`.
    case grid
    /// `bayesian` → `Bayesian`.
    case bayesian

    static var acceptsCamelCase: Bool { true }

    /// The REST `samplingAlgorithmType` (`Random`, `Grid`, `Bayesian`).
    public var restValue: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
