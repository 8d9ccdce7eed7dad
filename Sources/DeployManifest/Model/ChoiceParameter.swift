/// A value inside a choice's mapping: a nested distribution or a scalar.
public indirect enum ChoiceParameter: Sendable {
    /// A nested distribution (`{type: uniform, ...}`, another `choice`, ...).
    case distribution(ParameterDistribution)
    /// An integer.
    case int(Int)
    /// A float.
    case float(Double)
    /// A string.
    case string(String)
}
