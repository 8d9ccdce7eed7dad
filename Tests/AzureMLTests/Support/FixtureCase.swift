import AzureML
import Testing

/// One entry of a JSON fixture table as a test argument, shown in test results by its name rather than its JSON.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    /// What the entry is shown as.
    let name: String
    /// The entry.
    let value: JSONValue

    var testDescription: String { name }

    /// The entries of a table, named by their `key` member (`line`, `name`, `root`, `image`, ...).
    static func cases(_ entries: [JSONValue], namedBy key: String) -> [FixtureCase] {
        entries.map { FixtureCase(name: $0[key]?.stringValue?.debugDescription ?? "?", value: $0) }
    }

    /// A member of the entry.
    subscript(key: String) -> JSONValue? { value[key] }
}
