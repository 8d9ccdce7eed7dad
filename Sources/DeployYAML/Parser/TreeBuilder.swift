import CYAML

/// Turns libyaml's event stream into `Node` trees: resolves anchors, aliases and merge keys, enforces the alias
/// limits, and reports duplicate keys. Runs once per source.
struct TreeBuilder {
    private let file: SourceFile
    private let limits: YAMLParser
    private let input: UnsafeBufferPointer<UInt8>
    private let offsets: OffsetMap

    /// The documents built so far.
    private(set) var documents: [Node] = []
    /// Problems that did not stop the parse (duplicate keys, bad merges), in the order found.
    private(set) var problems: [YAMLError] = []

    private var stack: [Frame] = []
    private let children = NodeStack()
    /// The string value of each accepted key of the open mappings (`nil` for keys that are not strings), parallel
    /// to the keys on `children`.
    private var keyStrings: [String?] = []
    private var anchors: [String: Anchored] = [:]
    private var openAnchors: [String: Mark] = [:]
    private var anchorMarks: [String: Mark] = [:]
    private var expandedNodes = 0

    /// A collection being built; its children are on `children` from `firstChild` up.
    private struct Frame {
        var isMapping: Bool
        var start: Mark
        var tag: Tag?
        var anchor: String?
        var firstChild: Int
        var firstKey: Int
        /// Merge values (`<<: value`) in order of appearance.
        var merges: [Node]?
        /// Positions of string keys in `keyStrings`, once a mapping has too many keys to scan.
        var index: [String: Int]?
        /// The string value of the key waiting for its value (see `Node.stringKey`).
        var pendingKeyString: String?
        /// Whether the key waiting for its value is `<<`.
        var pendingKeyIsMerge = false
        /// Nodes in this subtree, this one included, aliases expanded.
        var count = 1
        /// Collection levels below this one.
        var height = 1
    }

    /// Mappings with more keys than this index them for duplicate detection; smaller ones are scanned.
    private static let scanLimit = 16

    /// A finished anchored node with the size of its subtree.
    private struct Anchored {
        var node: Node
        var count: Int
        var height: Int
    }

    /// Prepares a builder for `input`, the bytes of `file` after any byte order mark.
    init(file: SourceFile, input: UnsafeBufferPointer<UInt8>, limits: YAMLParser) {
        self.file = file
        self.input = input
        self.limits = limits
        self.offsets = OffsetMap(input)
    }

    /// Runs the parser to the end of the stream, or to the first error that stops it (thrown).
    mutating func run() throws(YAMLError) {
        let events = EventParser(input: input)
        while true {
            guard events.next() else { throw libyamlError(events.parser.pointee) }
            let event = events.event
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                anchors.removeAll(keepingCapacity: true)
                anchorMarks.removeAll(keepingCapacity: true)
                expandedNodes = 0
            case YAML_SCALAR_EVENT:
                let data = event.pointee.data.scalar
                let text =
                    data.length == 0
                    ? "" : String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let node = Node(
                    .scalar(Node.Scalar(text, style: style(data.style))), tag: tag(data.tag),
                    start: mark(event.pointee.start_mark), end: mark(event.pointee.end_mark), file: file)
                if let anchor = data.anchor {
                    try define(anchor: String(cString: anchor), node: node, count: 1, height: 0, at: node.start)
                }
                try add(node, count: 1, height: 0)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.pointee.type == YAML_MAPPING_START_EVENT
                let rawAnchor =
                    isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor
                let rawTag = isMapping ? event.pointee.data.mapping_start.tag : event.pointee.data.sequence_start.tag
                let start = mark(event.pointee.start_mark)
                guard stack.count < limits.maxDepth else {
                    throw YAMLError("nesting is deeper than \(limits.maxDepth) levels", at: start, in: file)
                }
                var frame = Frame(
                    isMapping: isMapping, start: start, tag: tag(rawTag), firstChild: children.count,
                    firstKey: keyStrings.count)
                if let rawAnchor {
                    let anchor = String(cString: rawAnchor)
                    try checkDuplicate(anchor: anchor, at: start)
                    frame.anchor = anchor
                    openAnchors[anchor] = start
                }
                stack.append(frame)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let end = mark(event.pointee.end_mark)
                let node: Node
                if frame.isMapping {
                    var pairs = children.popPairs(from: frame.firstChild)
                    keyStrings.removeLast(keyStrings.count - frame.firstKey)
                    if let merges = frame.merges { pairs = applyMerges(merges, to: pairs) }
                    node = Node(.mapping(pairs), tag: frame.tag, start: frame.start, end: end, file: file)
                } else {
                    let items = children.popItems(from: frame.firstChild)
                    node = Node(.sequence(items), tag: frame.tag, start: frame.start, end: end, file: file)
                }
                if let anchor = frame.anchor {
                    openAnchors[anchor] = nil
                    anchors[anchor] = Anchored(node: node, count: frame.count, height: frame.height)
                    anchorMarks[anchor] = frame.start
                }
                try add(node, count: frame.count, height: frame.height)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.pointee.data.alias.anchor)
                let at = mark(event.pointee.start_mark)
                guard let anchored = anchors[name] else {
                    if let open = openAnchors[name] {
                        throw YAMLError(
                            "alias \"\(name)\" is recursive: it refers to the node anchored at line \(open.line), "
                                + "column \(open.column), which contains it", at: at, in: file)
                    }
                    throw YAMLError("found undefined alias \"\(name)\"", at: at, in: file)
                }
                expandedNodes += anchored.count
                guard expandedNodes <= limits.maxAliasExpansion else {
                    throw YAMLError(
                        "aliases expand this document beyond \(limits.maxAliasExpansion) nodes", at: at, in: file)
                }
                guard stack.count + anchored.height <= limits.maxDepth else {
                    throw YAMLError(
                        "alias \"\(name)\" nests the document deeper than \(limits.maxDepth) levels", at: at, in: file)
                }
                try add(anchored.node, count: anchored.count, height: anchored.height)
            default:
                break
            }
        }
    }

    // MARK: - Building

    /// Adds a finished node to the collection being built, or makes it the document's root.
    private mutating func add(_ node: consuming Node, count: Int, height: Int) throws(YAMLError) {
        guard !stack.isEmpty else {
            documents.append(node)
            return
        }
        let top = stack.count - 1
        stack[top].count += count
        if height + 1 > stack[top].height { stack[top].height = height + 1 }
        guard stack[top].isMapping else {
            children.push(node)
            return
        }
        guard (children.count - stack[top].firstChild) % 2 == 1 else {
            // A key: note what duplicate detection and merging need while the node is at hand.
            stack[top].pendingKeyIsMerge = node.isMergeKey
            stack[top].pendingKeyString = stack[top].pendingKeyIsMerge ? nil : node.stringKey
            children.push(node)
            return
        }
        if stack[top].pendingKeyIsMerge {
            children.dropLast()
            stack[top].merges = (stack[top].merges ?? []) + [node]
            return
        }
        let keyString = stack[top].pendingKeyString.take()
        if let first = earlierKey(string: keyString, frame: top) {
            let key = children[children.count - 1]
            problems.append(
                YAMLError(
                    "duplicate key \(key.keyDescription), first defined at line \(first.line), column \(first.column)",
                    at: key))
            children.dropLast()
            return
        }
        children.push(node)
        if let keyString, stack[top].index != nil {
            stack[top].index![keyString] = keyStrings.count
        }
        keyStrings.append(keyString)
        if keyStrings.count - stack[top].firstKey == TreeBuilder.scanLimit {
            var index: [String: Int] = [:]
            for position in stack[top].firstKey..<keyStrings.count {
                if let text = keyStrings[position], index[text] == nil { index[text] = position }
            }
            stack[top].index = index
        }
    }

    /// The mark of an earlier key, in the mapping of frame `top`, equal (in PyYAML's sense) to the key on top of
    /// `children`, whose string value is `string`.
    private func earlierKey(string: String?, frame top: Int) -> Mark? {
        let firstKey = stack[top].firstKey
        let firstChild = stack[top].firstChild
        func keyMark(_ position: Int) -> Mark {
            children[firstChild + 2 * (position - firstKey)].start
        }
        if let string {
            if stack[top].index != nil { return stack[top].index![string].map(keyMark) }
            for position in firstKey..<keyStrings.count where keyStrings[position] == string {
                return keyMark(position)
            }
            return nil
        }
        // Keys that are not strings are rare; compare them by their constructed values.
        let identity = KeyIdentity(children[children.count - 1])
        for position in firstKey..<keyStrings.count where keyStrings[position] == nil {
            let other = children[firstChild + 2 * (position - firstKey)]
            if KeyIdentity(other) == identity { return other.start }
        }
        return nil
    }

    /// Folds `<<` merges into a mapping as PyYAML's `flatten_mapping` does: merged pairs come first (the mappings
    /// of one `<<` sequence in reverse, so the first one wins), explicit pairs last, and a later occurrence of a key
    /// replaces the value of an earlier one while keeping its position.
    private mutating func applyMerges(_ merges: [Node], to pairs: [Node.Pair]) -> [Node.Pair] {
        var merged: [Node.Pair] = []
        for value in merges {
            switch value.content {
            case .mapping(let pairs):
                merged += pairs
            case .sequence(let items):
                var groups: [[Node.Pair]] = []
                for item in items {
                    guard case .mapping(let pairs) = item.content else {
                        problems.append(
                            YAMLError("expected a mapping for merging, but found \(item.kindDescription)", at: item))
                        continue
                    }
                    groups.append(pairs)
                }
                for group in groups.reversed() { merged += group }
            case .scalar:
                problems.append(
                    YAMLError(
                        "expected a mapping or list of mappings for merging, but found \(value.kindDescription)",
                        at: value))
            }
        }
        var positions: [KeyIdentity: Int] = [:]
        var result: [Node.Pair] = []
        result.reserveCapacity(merged.count + pairs.count)
        for pair in merged + pairs {
            let identity = KeyIdentity(pair.key)
            if let position = positions[identity] {
                result[position].value = pair.value
            } else {
                positions[identity] = result.count
                result.append(pair)
            }
        }
        return result
    }

    private mutating func define(anchor: String, node: Node, count: Int, height: Int, at start: Mark) throws(YAMLError)
    {
        try checkDuplicate(anchor: anchor, at: start)
        anchors[anchor] = Anchored(node: node, count: count, height: height)
        anchorMarks[anchor] = start
    }

    /// PyYAML rejects an anchor name used twice in one document; so do we, rather than silently rebinding it.
    private func checkDuplicate(anchor: String, at start: Mark) throws(YAMLError) {
        if let first = anchorMarks[anchor] ?? openAnchors[anchor] {
            throw YAMLError(
                "found duplicate anchor \"\(anchor)\", first defined at line \(first.line), column \(first.column)",
                at: start, in: file)
        }
    }

    // MARK: - Conversions from libyaml

    private func mark(_ raw: yaml_mark_t) -> Mark {
        Mark(
            line: raw.line + 1, column: raw.column + 1,
            offset: offsets.byteOffset(ofScalar: raw.index, in: input) + file.byteOrderMarkLength)
    }

    private func tag(_ raw: UnsafeMutablePointer<yaml_char_t>?) -> Tag? {
        guard let raw else { return nil }
        return Tag(String(cString: raw))
    }

    private func style(_ raw: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch raw {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// The one place libyaml's reader, scanner and parser errors become `YAMLError`s, context included:
    /// `while scanning a quoted scalar (line 1, column 7): found unexpected end of stream`.
    private func libyamlError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(message: "out of memory", source: file.name, mark: nil)
        case YAML_READER_ERROR:
            let offset = Int(parser.problem_offset) + file.byteOrderMarkLength
            var message = problem
            if parser.problem_value != -1 {
                let hex = String(parser.problem_value, radix: 16, uppercase: true)
                message += " (#x" + (hex.count % 2 == 1 ? "0" : "") + hex + ")"
            }
            return YAMLError(message, at: file.mark(atByteOffset: offset), in: file)
        default:
            var message = problem
            let problemMark = mark(parser.problem_mark)
            if problem == "found character that cannot start any token", problemMark.offset < file.bytes.count,
                file.bytes[problemMark.offset] == 0x09
            {
                message += "; tabs cannot be used for indentation"
            }
            if let context = parser.context {
                let contextMark = mark(parser.context_mark)
                message =
                    String(cString: context) + " (line \(contextMark.line), column \(contextMark.column)): " + message
            }
            return YAMLError(message, at: problemMark, in: file)
        }
    }
}
