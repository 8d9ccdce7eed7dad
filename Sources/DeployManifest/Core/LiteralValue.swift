public import DeployYAML

/// A literal job input (`lr: 0.01`, `flag: true`), kept with the type YAML resolved it to, because the SDK sends
/// it as Python's `str()` of that value: `true` → `"True"`, `1.0` → `"1.0"`, `1` → `"1"`.
public enum LiteralValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer that fits in 64 bits.
    case int(Int)
    /// An integer beyond 64 bits, as decimal digits with a leading `-` when negative (Python keeps it exactly).
    case bigInt(String)
    /// A float.
    case float(Double)
    /// A boolean.
    case bool(Bool)

    /// Python's `str()` of the value, which is what the SDK puts in a literal input's `value`.
    public var pythonString: String {
        switch self {
        case .string(let text): return text
        case .int(let value): return String(value)
        case .bigInt(let digits): return digits
        case .float(let value): return PythonFloat.repr(value)
        case .bool(let value): return value ? "True" : "False"
        }
    }

    /// The literal a resolved scalar holds, or `nil` for null and timestamps (which the SDK rejects).
    public init?(_ scalar: ResolvedScalar) {
        switch scalar {
        case .string(let text): self = .string(text)
        case .int(let value): self = .int(value)
        case .bigInt(let digits): self = .bigInt(digits)
        case .float(let value): self = .float(value)
        case .bool(let value): self = .bool(value)
        case .null, .timestamp: return nil
        }
    }
}
