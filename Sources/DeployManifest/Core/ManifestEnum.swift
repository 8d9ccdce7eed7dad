/// A closed set of YAML spellings. The SDK compares case-insensitively (most enums lower-case the value, some
/// convert camelCase to snake_case first), so `Uri_File` is `uri_file`; the canonical spelling is the raw value.
protocol ManifestEnum: RawRepresentable<String>, CaseIterable, Sendable {
    /// Whether `CamelCase` spellings are accepted as `camel_case` (the SDK's `camel_to_snake` transform).
    static var acceptsCamelCase: Bool { get }
}

extension ManifestEnum {
    static var acceptsCamelCase: Bool { false }

    /// The case written as `text`, after the SDK's casing transform.
    static func parse(_ text: String) -> Self? {
        let normalized = acceptsCamelCase ? camelToSnake(text) : text.lowercased()
        return allCases.first { $0.rawValue == normalized }
    }

    /// The allowed spellings for messages: `"a", "b", "c"`.
    static var allowedList: String {
        allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    /// Python's `camel_to_snake` from the SDK: `AMLToken` → `aml_token`, `UserIdentity` → `user_identity`.
    static func camelToSnake(_ text: String) -> String {
        let characters = Array(text)
        // Pass 1: `(.)([A-Z][a-z]+)` → `\1_\2`.
        var first: [Character] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if !first.isEmpty, character.isUppercase, index + 1 < characters.count, characters[index + 1].isLowercase {
                first.append("_")
            }
            first.append(character)
            index += 1
        }
        // Pass 2: `([a-z0-9])([A-Z])` → `\1_\2`.
        var second: [Character] = []
        for (position, character) in first.enumerated() {
            if position > 0, character.isUppercase {
                let previous = first[position - 1]
                if previous.isLowercase || previous.isNumber { second.append("_") }
            }
            second.append(character)
        }
        return String(second).lowercased()
    }
}
