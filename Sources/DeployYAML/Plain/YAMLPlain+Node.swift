extension YAMLPlain {
    /// What `yaml.safe_load` makes of a node: scalars resolved as `SafeLoader` resolves them, mappings as `dict`s
    /// (a later key equal in Python's sense, like `1` and `1.0`, replaces the value of the earlier one).
    ///
    /// Throws at the offending node for what safe_load rejects or what is not plain data: unresolvable scalars,
    /// collection keys ("found unhashable key"), and tags such as `!!set`, `!!omap`, `!!binary` or custom ones.
    public init(_ node: Node) throws(YAMLError) {
        switch node.content {
        case .scalar:
            self = try YAMLPlain.scalar(node)
        case .sequence(let items):
            try YAMLPlain.checkCollectionTag(node, expected: .seq)
            var values: [YAMLPlain] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try YAMLPlain(item)) }
            self = .sequence(values)
        case .mapping(let pairs):
            try YAMLPlain.checkCollectionTag(node, expected: .map)
            var entries: [(key: YAMLPlain, value: YAMLPlain)] = []
            for pair in pairs {
                entries.append((try YAMLPlain.key(pair.key), try YAMLPlain(pair.value)))
            }
            self = .mapping(PythonKey.dictionary(entries).map { Pair($0.key, $0.value) })
        }
    }

    /// A mapping key as safe_load constructs it; `=` becomes a string, collections are unhashable.
    static func key(_ node: Node) throws(YAMLError) -> YAMLPlain {
        guard node.scalar != nil else { throw YAMLError("found unhashable key", at: node) }
        return node.implicitType == .value ? .string("=") : try scalar(node)
    }

    static func scalar(_ node: Node) throws(YAMLError) -> YAMLPlain {
        switch try node.resolvedScalar() {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .bigInt(let digits): return .bigInt(digits)
        case .float(let value): return .float(value)
        case .string(let text): return .string(text)
        case .timestamp(let text):
            switch Timestamp.parse(text) {
            case .success(let timestamp): return .timestamp(timestamp.isoformat)
            case .failure(let failure): throw YAMLError(failure.message, at: node)
            }
        }
    }

    static func checkCollectionTag(_ node: Node, expected: Tag) throws(YAMLError) {
        guard let tag = node.tag, tag != expected, tag != .nonSpecific else { return }
        let known: Set<Tag> = [
            Tag(Tag.yamlPrefix + "set"), Tag(Tag.yamlPrefix + "omap"), Tag(Tag.yamlPrefix + "pairs"),
        ]
        if known.contains(tag) { throw YAMLError("\(tag) is not plain data", at: node) }
        throw YAMLError("could not determine a constructor for the tag '\(tag.rawValue)'", at: node)
    }
}
