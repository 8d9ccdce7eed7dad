/// One of a choice's `values`: a number, a string, or a mapping of named parameters (nested search space).
public indirect enum ChoiceValue: Sendable {
    /// An integer.
    case int(Int)
    /// A float.
    case float(Double)
    /// A string.
    case string(String)
    /// A mapping whose values are scalars or nested distributions.
    case parameters(KeyedList<Located<ChoiceParameter>>)
}
