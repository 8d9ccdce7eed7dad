#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads YAML streams into `Node` trees with libyaml.
///
/// A stream holds zero or more documents (an empty file holds none). Anchors, aliases and `<<` merge keys are
/// resolved into the trees; alias expansion is bounded by `maxAliasExpansion` and `maxDepth`; a key written twice
/// in one mapping is an error. A UTF-8 byte order mark is accepted; any other encoding is invalid UTF-8.
public struct YAMLParser: Sendable {
    /// The most nodes aliases may add to one document (billion-laughs defence).
    public var maxAliasExpansion: Int
    /// The deepest collection nesting allowed, aliases expanded.
    public var maxDepth: Int

    /// A parser with the default limits: 100,000 nodes of alias expansion, 512 levels.
    public init(maxAliasExpansion: Int = 100_000, maxDepth: Int = 512) {
        self.maxAliasExpansion = maxAliasExpansion
        self.maxDepth = maxDepth
    }

    /// The documents of a source and every problem found in it.
    public struct Outcome: Sendable {
        /// The documents read; after an error that stops the parser, only those finished before it.
        public var documents: [Node]
        /// All problems, sorted by position; empty when the source is valid YAML.
        public var errors: [YAMLError]
    }

    /// Parses `source`, collecting every problem instead of stopping at the first one that allows going on.
    public func check(_ source: SourceFile) -> Outcome {
        source.bytes.withUnsafeBufferPointer { all in
            let input = UnsafeBufferPointer(rebasing: all[source.byteOrderMarkLength...])
            var builder = TreeBuilder(file: source, input: input, limits: self)
            var errors: [YAMLError] = []
            do throws(YAMLError) {
                try builder.run()
            } catch {
                errors.append(error)
            }
            errors += builder.problems
            errors.sort { ($0.mark ?? Mark(line: 0, column: 0)) < ($1.mark ?? Mark(line: 0, column: 0)) }
            return Outcome(documents: builder.documents, errors: errors)
        }
    }

    /// The documents of `source`; throws the first problem by position.
    public func parse(_ source: SourceFile) throws(YAMLError) -> [Node] {
        let outcome = check(source)
        if let first = outcome.errors.first { throw first }
        return outcome.documents
    }

    /// The documents of `text`, reported under `name`.
    public func parse(_ text: String, name: String = "<input>") throws(YAMLError) -> [Node] {
        try parse(SourceFile(name: name, text: text))
    }

    /// The documents of the file at `path` (reported under `path` as given).
    public func parseFile(atPath path: String) throws(YAMLError) -> [Node] {
        try parse(YAMLParser.readFile(atPath: path))
    }

    /// Reads a file into a `SourceFile` named `path`; the error has no mark.
    public static func readFile(atPath path: String) throws(YAMLError) -> SourceFile {
        func failure() -> YAMLError {
            YAMLError(message: String(cString: strerror(errno)), source: path, mark: nil)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return SourceFile(name: path, bytes: bytes)
    }
}
