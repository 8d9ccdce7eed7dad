/// Equality of `dict` keys in Python, where `True == 1 == 1.0` and `False == 0 == 0.0`.
enum PythonKey: Hashable {
    case null
    case integer(Int)
    case bigInteger(String)
    case float(Double)
    case string(String)
    case timestamp(String)
    case other(YAMLPlain)

    init(_ key: YAMLPlain) {
        switch key {
        case .null: self = .null
        case .bool(let value): self = .integer(value ? 1 : 0)
        case .int(let value): self = .integer(value)
        case .bigInt(let digits): self = .bigInteger(digits)
        case .float(let value):
            if let exact = Int(exactly: value) {
                self = .integer(exact)
            } else {
                self = .float(value)
            }
        case .string(let text): self = .string(text)
        case .timestamp(let text): self = .timestamp(text)
        default: self = .other(key)
        }
    }

    /// Builds a `dict` from entries in order: a later equal key replaces the value and keeps the first position
    /// and the first key object, as `mapping[key] = value` does.
    static func dictionary<Value>(_ entries: [(key: YAMLPlain, value: Value)]) -> [(key: YAMLPlain, value: Value)] {
        var result: [(key: YAMLPlain, value: Value)] = []
        var positions: [PythonKey: Int] = [:]
        for entry in entries {
            let identity = PythonKey(entry.key)
            if let position = positions[identity] {
                result[position].value = entry.value
            } else {
                positions[identity] = result.count
                result.append(entry)
            }
        }
        return result
    }
}
