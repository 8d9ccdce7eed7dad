import DeployYAML

/// How `JSONValue.serialized(_:)` lays out its text.
public struct JSONFormat: Sendable, Hashable {
    /// Sort object keys by their UTF-8 bytes instead of keeping insertion order.
    public var sortedKeys: Bool
    /// Indent nested values by this many spaces on their own lines; `nil` writes everything on one line.
    public var indent: Int?

    /// The canonical form: sorted keys, no white space. Fingerprints are computed over it.
    public static let canonical = JSONFormat(sortedKeys: true, indent: nil)
    /// One line, keys in insertion order, no white space.
    public static let compact = JSONFormat(sortedKeys: false, indent: nil)
    /// Two-space indentation, keys in insertion order: for people.
    public static let pretty = JSONFormat(sortedKeys: false, indent: 2)

    /// A format.
    public init(sortedKeys: Bool, indent: Int?) {
        self.sortedKeys = sortedKeys
        self.indent = indent
    }
}

extension JSONValue {
    /// The JSON text of this value. Doubles are written as Python's `json` writes them (`1.0`, `1e-05`).
    public func serialized(_ format: JSONFormat = .compact) -> String {
        var output = ""
        write(to: &output, format: format, level: 0)
        return output
    }

    private func write(to output: inout String, format: JSONFormat, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value):
            if value.isNaN {
                output += "NaN"
            } else if value.isInfinite {
                output += value < 0 ? "-Infinity" : "Infinity"
            } else {
                output += PythonFloat.repr(value)
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                JSONValue.newline(&output, format: format, level: level + 1)
                element.write(to: &output, format: format, level: level + 1)
            }
            JSONValue.newline(&output, format: format, level: level)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            let members = format.sortedKeys ? object.sorted.members : object.members
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                JSONValue.newline(&output, format: format, level: level + 1)
                JSONValue.writeString(member.key, to: &output)
                output += format.indent == nil ? ":" : ": "
                member.value.write(to: &output, format: format, level: level + 1)
            }
            JSONValue.newline(&output, format: format, level: level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, format: JSONFormat, level: Int) {
        guard let indent = format.indent else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
