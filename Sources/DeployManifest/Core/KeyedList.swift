/// The entries of a YAML mapping in the order written, each key with its position: inputs, outputs, tags,
/// environment variables, the search space.
public struct KeyedList<Value: Sendable>: Sendable, RandomAccessCollection {
    /// One key and its value.
    public struct Entry: Sendable {
        /// The key as written, with its position.
        public var key: Located<String>
        /// The value.
        public var value: Value

        /// An entry.
        public init(key: Located<String>, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in source order.
    public var entries: [Entry]

    /// A list of entries (keys are expected to be unique; the YAML parser rejects duplicates).
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// The first index.
    public var startIndex: Int { entries.startIndex }
    /// One past the last index.
    public var endIndex: Int { entries.endIndex }
    /// The entry at `position`.
    public subscript(position: Int) -> Entry { entries[position] }

    /// The value for `key`, or `nil`.
    public subscript(key: String) -> Value? {
        entries.first { $0.key.value == key }?.value
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key.value) }

    /// The entry for `key`, with the key's position, or `nil`.
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key.value == key }
    }
}
