extension YAMLPlain {
    /// The text PyYAML 6 returns for `yaml.dump(value, sort_keys=True)` with default options.
    ///
    /// Keys are sorted when Python could compare them all (all strings by code point, or all numbers); otherwise
    /// they keep their order, as PyYAML does when `sorted()` raises. A root scalar ends with `...`, as in PyYAML.
    public static func dump(_ value: YAMLPlain) -> String {
        PyYAMLDumper.dump(RepresentedNode.represent(value))
    }

    /// `yaml.dump(yaml.safe_load(text), sort_keys=True)` for a parsed document, which is how the Azure ML SDK
    /// rewrites conda files before hashing them.
    ///
    /// Unlike `dump(YAMLPlain(node))`, collections shared through aliases or merge keys stay shared, so they come
    /// out as `&id001` anchors and `*id001` aliases exactly where PyYAML puts them.
    public static func dump(safeLoading node: Node) throws(YAMLError) -> String {
        var cache: [NodeIdentity: RepresentedNode] = [:]
        let root = try represent(node, cache: &cache)
        return PyYAMLDumper.dump(root)
    }

    /// A collection node of the source, identified by where it was written; alias copies share it.
    private struct NodeIdentity: Hashable {
        var start: Int
        var end: Int
    }

    private static func represent(
        _ node: Node, cache: inout [NodeIdentity: RepresentedNode]
    ) throws(YAMLError) -> RepresentedNode {
        let identity = NodeIdentity(start: node.start.offset, end: node.end.offset)
        switch node.content {
        case .scalar:
            return RepresentedNode.scalar(try YAMLPlain(node))
        case .sequence(let items):
            if let cached = cache[identity] { return cached }
            try checkCollectionTag(node, expected: .seq)
            let represented = RepresentedNode(.sequence([]))
            cache[identity] = represented
            var values: [RepresentedNode] = []
            for item in items { values.append(try represent(item, cache: &cache)) }
            represented.content = .sequence(values)
            return represented
        case .mapping(let pairs):
            if let cached = cache[identity] { return cached }
            try checkCollectionTag(node, expected: .map)
            let represented = RepresentedNode(.mapping([]))
            cache[identity] = represented
            var entries: [(key: YAMLPlain, value: RepresentedNode)] = []
            for pair in pairs {
                entries.append((try key(pair.key), try represent(pair.value, cache: &cache)))
            }
            let sorted = RepresentedNode.sortedForDump(PythonKey.dictionary(entries))
            represented.content = .mapping(sorted.map { (RepresentedNode.scalar($0.key), $0.value) })
            return represented
        }
    }
}
