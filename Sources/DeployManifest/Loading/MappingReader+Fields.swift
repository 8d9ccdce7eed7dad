import DeployYAML

/// Typed field accessors: each declares its key, converts the value with `LoadContext`'s rules and reports
/// missing required keys.
extension MappingReader {
    /// Reads `key` with `convert`, reporting it missing when `required`.
    func field<T>(_ key: String, required: Bool = false, _ convert: (Node, String) -> T?) -> T? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return convert(node, childPath(key))
    }

    /// A string field.
    func string(_ key: String, required: Bool = false) -> Located<String>? {
        field(key, required: required) { context.string($0, $1) }
    }

    /// An integer field.
    func int(_ key: String, required: Bool = false) -> Located<Int>? {
        field(key, required: required) { context.int($0, $1) }
    }

    /// An integer field that may be null (null reads as absent).
    func nullableInt(_ key: String) -> Located<Int>? {
        field(key) { context.nullableInt($0, $1) } ?? nil
    }

    /// A float field that may be null (null reads as absent).
    func nullableDouble(_ key: String) -> Located<Double>? {
        field(key) { context.nullableDouble($0, $1) } ?? nil
    }

    /// A boolean field.
    func bool(_ key: String) -> Located<Bool>? {
        field(key) { context.bool($0, $1) }
    }

    /// An enum field.
    func enumValue<E: ManifestEnum>(
        _ key: String, _ type: E.Type, required: Bool = false, allowed: [E]? = nil, caseSensitive: Bool = false
    ) -> Located<E>? {
        field(key, required: required) {
            context.enumValue($0, $1, type, allowed: allowed, caseSensitive: caseSensitive)
        }
    }

    /// A version field (string or integer).
    func version(_ key: String) -> Located<String>? {
        field(key) { context.version($0, $1) }
    }

    /// A nested mapping, read by `read` with a reader anchored at the key.
    func nested<T>(_ key: String, required: Bool = false, _ read: (MappingReader) -> T?) -> T? {
        guard let pair = pair(key) else {
            if required { missing(key) }
            return nil
        }
        guard let reader = MappingReader(pair.value, anchor: pair.key, path: childPath(key), context: context) else {
            return nil
        }
        return read(reader)
    }

    /// `tags` or `properties` style mapping; absent reads as empty.
    func scalarMap(_ key: String, stringsOnly: Bool) -> KeyedList<Located<ResolvedScalar>> {
        field(key) { context.scalarMap($0, $1, stringsOnly: stringsOnly) } ?? KeyedList()
    }
}
