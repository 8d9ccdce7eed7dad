/// Everything that can go wrong reading, resolving or writing YAML: syntax errors reported by libyaml (with
/// libyaml's context kept), duplicate keys, alias limits, and values of the wrong type.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, without the location.
    public var message: String
    /// The source name (file path as given).
    public var source: String
    /// Where it went wrong; `nil` only when the whole input is at fault (an unreadable file, an emitter failure).
    public var mark: Mark?
    /// The line at `mark`, for rendering.
    public var sourceLine: String?

    /// An error with every field given.
    public init(message: String, source: String, mark: Mark?, sourceLine: String? = nil) {
        self.message = message
        self.source = source
        self.mark = mark
        self.sourceLine = sourceLine
    }

    /// An error at a mark in a source file.
    public init(_ message: String, at mark: Mark, in file: SourceFile) {
        self.init(message: message, source: file.name, mark: mark, sourceLine: file.line(at: mark))
    }

    /// An error at the start of a node.
    public init(_ message: String, at node: Node) {
        self.init(message, at: node.start, in: node.file)
    }

    /// The error as a diagnostic of severity `error`.
    public var diagnostic: Diagnostic {
        Diagnostic(severity: .error, message: message, file: source, mark: mark, sourceLine: sourceLine)
    }

    /// The rendered diagnostic: `path:line:col: error: message`, the source line and a caret.
    public var description: String { diagnostic.rendered }
}
