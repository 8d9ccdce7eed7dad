import DeployYAML

/// A number in a search space (`min_value`, `mu`, `q`, a choice value), kept as an integer or a float the way
/// YAML resolved it, since the SDK sends `0` and `0.0` differently (`["uniform", [0, 1]]`).
public enum SweepNumber: Sendable, Hashable {
    /// An integer.
    case int(Int)
    /// A float.
    case float(Double)

    /// The value as a double.
    public var doubleValue: Double {
        switch self {
        case .int(let value): return Double(value)
        case .float(let value): return value
        }
    }

    /// How Python's `repr()` (and `json.dumps`) writes it: `1`, `0.1`, `1.0`.
    public var pythonRepr: String {
        switch self {
        case .int(let value): return String(value)
        case .float(let value): return PythonFloat.repr(value)
        }
    }
}
