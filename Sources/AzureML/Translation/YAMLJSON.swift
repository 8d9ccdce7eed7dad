import DeployYAML

/// Converts YAML values to the JSON the SDK would send for them after `yaml.safe_load` (free-form `properties`).
enum YAMLJSON {
    /// The JSON of a node: mappings become objects (keys as Python's `str()`), sequences arrays, scalars their
    /// resolved value (timestamps as their text).
    static func value(_ node: Node) -> JSONValue {
        switch node.content {
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { (key(of: $0.key), value($0.value)) }))
        case .sequence(let items):
            return .array(items.map(value))
        case .scalar:
            guard let scalar = try? node.resolvedScalar() else { return .string(node.scalar?.text ?? "") }
            return value(scalar)
        }
    }

    /// The JSON of a resolved scalar.
    static func value(_ scalar: ResolvedScalar) -> JSONValue {
        switch scalar {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .bigInt(let digits): .string(digits)
        case .float(let number): .double(number)
        case .string(let text), .timestamp(let text): .string(text)
        }
    }

    /// Python's `str()` of a scalar, as string-valued maps carry it (`1` → `"1"`, `true` → `"True"`); `nil` for null.
    static func string(_ scalar: ResolvedScalar) -> String? {
        switch scalar {
        case .null: nil
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .bigInt(let digits): digits
        case .float(let number): PythonFloat.repr(number)
        case .string(let text), .timestamp(let text): text
        }
    }

    /// A mapping key as text.
    static func key(of node: Node) -> String {
        guard let scalar = try? node.resolvedScalar() else { return node.scalar?.text ?? "" }
        return string(scalar) ?? "None"
    }
}
