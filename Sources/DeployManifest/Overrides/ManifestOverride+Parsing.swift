import DeployYAML

extension ManifestOverride {
    /// The name diagnostics give the source of a `--set` argument.
    public static let sourceName = "--set"

    /// Splits `key.path=value`, gives every segment and the value a node in a `--set` source holding the argument.
    static func parse(_ argument: String) throws(ManifestError) -> ManifestOverride {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ManifestError("--set \(argument): expected key.path=value")
        }
        let file = SourceFile(name: sourceName, text: argument)
        let keyText = argument[..<equals]
        var path: [Located<String>] = []
        var column = 1
        var offset = 0
        for segment in keyText.split(separator: ".", omittingEmptySubsequences: false) {
            guard !segment.isEmpty else {
                throw ManifestError("--set \(argument): the key path has an empty segment")
            }
            let text = String(segment)
            let node = Node(scalar: text, start: Mark(line: 1, column: column, offset: offset), file: file)
            path.append(Located(text, node: node))
            column += text.unicodeScalars.count + 1
            offset += text.utf8.count + 1
        }
        let value = try parseValue(argument, valueOffset: offset, valueColumn: column, file: file)
        return ManifestOverride(argument: argument, path: path, value: value)
    }

    /// Parses the text after `=` as YAML, with marks that point into the whole argument.
    private static func parseValue(
        _ argument: String, valueOffset: Int, valueColumn: Int, file: SourceFile
    ) throws(ManifestError) -> Node {
        let valueBytes = Array(argument.utf8.dropFirst(valueOffset))
        let start = Mark(line: 1, column: valueColumn, offset: valueOffset)
        guard !valueBytes.isEmpty else { return Node(scalar: "", start: start, file: file) }
        // Blank the key so the parser's marks are the argument's; the nodes are then moved to the real source.
        let blanked = SourceFile(name: sourceName, bytes: [UInt8](repeating: 0x20, count: valueOffset) + valueBytes)
        let documents: [Node]
        do {
            documents = try YAMLParser().parse(blanked)
        } catch {
            throw ManifestError("--set \(argument): the value is not valid YAML: \(error.message)")
        }
        guard let document = documents.first else { return Node(scalar: "", start: start, file: file) }
        return document.moved(to: file, columnShift: valueColumn - 1 - valueOffset)
    }
}

extension Node {
    /// The same tree with every node's source replaced, and first-line columns shifted (the blanked key counted
    /// bytes where the argument counts characters).
    func moved(to file: SourceFile, columnShift: Int) -> Node {
        func shift(_ mark: Mark) -> Mark {
            mark.line == 1 ? Mark(line: 1, column: mark.column + columnShift, offset: mark.offset) : mark
        }
        var copy = self
        copy.file = file
        copy.start = shift(start)
        copy.end = shift(end)
        switch content {
        case .scalar: break
        case .sequence(let items):
            copy.content = .sequence(items.map { $0.moved(to: file, columnShift: columnShift) })
        case .mapping(let pairs):
            copy.content = .mapping(
                pairs.map {
                    Pair(
                        key: $0.key.moved(to: file, columnShift: columnShift),
                        value: $0.value.moved(to: file, columnShift: columnShift))
                })
        }
        return copy
    }
}
