import DeployYAML

/// A YAML scalar as `yaml.safe_load` hands it to the SDK, which sends literal job inputs as its `str()`.
public enum PythonScalar: Sendable, Hashable, CustomStringConvertible {
    /// A `bool`: `True` or `False`.
    case bool(Bool)
    /// An `int`.
    case int(Int)
    /// A `float`, written as Python's `repr` (`0.01`, `1e-05`, `1.0`, `inf`).
    case float(Double)
    /// A `str`, unchanged.
    case string(String)

    /// Python's `str(value)`.
    public var str: String {
        switch self {
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .float(let value): return PythonFloat.repr(value)
        case .string(let value): return value
        }
    }

    public var description: String { str }
}
