public import AzureML
import DeployYAML

/// The values a sampler chose for one trial: parameter name → value, in search-space order.
///
/// Continuous distributions (including the `q` variants) give `.double`, `randint` gives `.int`, and `choice` gives
/// the chosen literal as it was written (`.int`, `.double`, `.string`, `.bool`, ...). A `choice` of dictionaries
/// gives an `.object` holding the dictionary's literals and the values sampled for its distributions: it is not
/// flattened, but `commandValue(for:)` reaches its members with dotted names (`model.lr`).
public struct ParameterAssignment: Sendable, Hashable {
    /// The values by parameter name.
    public let values: JSONObject

    /// An assignment of these values.
    public init(_ values: JSONObject) {
        self.values = values
    }

    /// The value of parameter `name`.
    public subscript(name: String) -> JSONValue? {
        values[name]
    }

    /// The assignment as a JSON object, as recorded in a trial's parameters.
    public var json: JSONValue { .object(values) }

    /// The text substituted for `${{search_space.<name>}}` in a trial's command, or nil when there is no such value.
    ///
    /// `name` is a parameter name or a dotted path into a chosen dictionary (`model.lr`). Values are written as
    /// Python's `str()` writes them: doubles through `PythonFloat.repr` (`0.1`, `1e-05`, `3.0`), booleans as
    /// `True`/`False`, null as `None`, strings unquoted; lists and dictionaries as compact JSON.
    public func commandValue(for name: String) -> String? {
        guard let value = lookUp(name, in: values) else { return nil }
        return ParameterAssignment.commandText(value)
    }

    /// `value` as it is substituted into a command (see `commandValue(for:)`).
    public static func commandText(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .double(let number): PythonFloat.repr(number)
        case .string(let text): text
        case .array, .object: value.serialized(.compact)
        }
    }

    private func lookUp(_ name: String, in object: JSONObject) -> JSONValue? {
        if let value = object[name] { return value }
        // Try every split point, so dictionary keys that themselves contain dots still resolve.
        var prefix = ""
        for part in name.split(separator: ".", omittingEmptySubsequences: false).dropLast() {
            prefix = prefix.isEmpty ? String(part) : "\(prefix).\(part)"
            if case .object(let nested)? = object[prefix],
                let value = lookUp(String(name.dropFirst(prefix.count + 1)), in: nested)
            {
                return value
            }
        }
        return nil
    }
}
