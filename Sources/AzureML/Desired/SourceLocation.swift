public import DeployYAML

/// Where something in a manifest starts: the file as given and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file name as given (a manifest, a file it references, or `--set`).
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int
    /// The text of the line, for diagnostics; `nil` when unknown.
    public var sourceLine: String?

    /// A location with every field given.
    public init(file: String, line: Int, column: Int, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    /// Where `node` starts.
    public init(_ node: Node) {
        self.init(
            file: node.file.name, line: node.start.line, column: node.start.column,
            sourceLine: node.file.line(at: node.start))
    }

    /// A diagnostic at this location, quoting the line when known.
    public func diagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(
            severity: severity, message: message, file: file, mark: Mark(line: line, column: column),
            sourceLine: sourceLine)
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
