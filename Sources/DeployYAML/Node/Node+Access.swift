extension Node {
    /// The scalar, or `nil` for a collection.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The sequence's items, or `nil` when the node is not a sequence.
    public var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The mapping's pairs, or `nil` when the node is not a mapping.
    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is a scalar with exactly this text (of any style), or `nil`.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let scalar) = pair.key.content, scalar.text == key { return pair.value }
        }
        return nil
    }

    /// Whether PyYAML would read the node as `None`: `~`, `null`, an empty plain scalar, or `!!null`.
    public var isNull: Bool {
        guard case .scalar = content else { return false }
        return (try? resolvedScalar()) == .null
    }

    /// The value PyYAML's `SafeLoader` would construct from this scalar.
    ///
    /// Plain scalars (and scalars tagged `!`) go through the YAML 1.1 implicit patterns; quoted and block scalars
    /// are strings; `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` and `!!timestamp` are honoured. Throws, at
    /// the node, for collections, for text the tag cannot hold (`!!int abc`, `2001-13-01`), for tags PyYAML has no
    /// constructor for, and for a plain `=` (PyYAML's `tag:yaml.org,2002:value`).
    public func resolvedScalar() throws(YAMLError) -> ResolvedScalar {
        guard case .scalar(let scalar) = content else {
            throw YAMLError("expected a scalar, found \(kindDescription)", at: self)
        }
        switch ScalarConstructor.construct(text: scalar.text, tag: tag, style: scalar.style) {
        case .success(let value): return value
        case .failure(let failure): throw YAMLError(failure.message, at: self)
        }
    }

    /// The text of a scalar that resolves to a string.
    public func string() throws(YAMLError) -> String {
        guard case .string(let text) = try resolvedAs("a string") else { throw mismatch("a string") }
        return text
    }

    /// A 64-bit integer.
    public func int() throws(YAMLError) -> Int {
        switch try resolvedAs("an integer") {
        case .int(let value): return value
        case .bigInt: throw YAMLError("expected an integer, found \(valueDescription), which is out of range", at: self)
        default: throw mismatch("an integer")
        }
    }

    /// A float; integers are accepted and converted, as Python's float fields accept them.
    public func double() throws(YAMLError) -> Double {
        switch try resolvedAs("a number") {
        case .float(let value): return value
        case .int(let value): return Double(value)
        case .bigInt(let digits): return Double(digits) ?? .nan
        default: throw mismatch("a number")
        }
    }

    /// A boolean.
    public func bool() throws(YAMLError) -> Bool {
        guard case .bool(let value) = try resolvedAs("a boolean") else { throw mismatch("a boolean") }
        return value
    }

    /// The items of a sequence.
    public func sequence() throws(YAMLError) -> [Node] {
        guard let items else { throw mismatch("a sequence") }
        return items
    }

    /// The pairs of a mapping.
    public func mapping() throws(YAMLError) -> [Pair] {
        guard let pairs else { throw mismatch("a mapping") }
        return pairs
    }

    /// The value for `key` in a mapping; throws at the mapping when the node is not a mapping or lacks the key.
    public func value(forKey key: String) throws(YAMLError) -> Node {
        guard pairs != nil else { throw mismatch("a mapping") }
        guard let value = self[key] else { throw YAMLError("missing key \(ScalarConstructor.quoted(key))", at: self) }
        return value
    }

    private func resolvedAs(_ expected: String) throws(YAMLError) -> ResolvedScalar {
        guard scalar != nil else { throw mismatch(expected) }
        return try resolvedScalar()
    }

    private func mismatch(_ expected: String) -> YAMLError {
        YAMLError("expected \(expected), found \(valueDescription)", at: self)
    }

    /// How messages show the node: strings quoted, other scalars as written, collections by kind.
    public var valueDescription: String {
        guard case .scalar(let scalar) = content else { return kindDescription }
        switch try? resolvedScalar() {
        case .null: return "null"
        case .string(let text): return ScalarConstructor.quoted(text)
        case .none: return ScalarConstructor.quoted(scalar.text)
        default: return scalar.text
        }
    }

    /// `a scalar`, `a sequence` or `a mapping`.
    public var kindDescription: String {
        switch content {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// How a duplicate-key message names a key.
    var keyDescription: String {
        guard case .scalar(let scalar) = content else { return "(\(kindDescription))" }
        return ScalarConstructor.quoted(scalar.text)
    }

    /// The implicit type of a plain (or `!`-tagged) scalar, `nil` otherwise.
    var implicitType: ImplicitType? {
        guard case .scalar(let scalar) = content else { return nil }
        guard (tag == nil && scalar.style == .plain) || tag == .nonSpecific else { return nil }
        return ImplicitType(scalar.text)
    }

    /// Whether the node is a `<<` merge key.
    var isMergeKey: Bool {
        guard case .scalar(let scalar) = content else { return false }
        if let tag { return tag == .merge || (tag == .nonSpecific && scalar.text == "<<") }
        return scalar.style == .plain && scalar.text.utf8.count == 2 && scalar.text == "<<"
    }
}
