/// One problem found in a source file, rendered the way compilers print them.
///
/// ```
/// manifests/job.yml:12:5: error: limits.max_total_trials: expected an integer, found "ten"
///   max_total_trials: ten
///                     ^
/// ```
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The file cannot be used.
        case error
        /// The file works but probably not as intended.
        case warning

        /// Errors sort before warnings.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What is wrong, without the location.
    public var message: String
    /// The file name as given.
    public var file: String
    /// Where in the file; `nil` when the problem concerns the whole file (it cannot be read, say).
    public var mark: Mark?
    /// The text of the line at `mark`, quoted under the message; `nil` to print the message alone.
    public var sourceLine: String?

    /// A diagnostic with every field given.
    public init(severity: Severity, message: String, file: String, mark: Mark?, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.mark = mark
        self.sourceLine = sourceLine
    }

    /// A diagnostic at a mark in a source, quoting the source's line.
    public init(_ severity: Severity, _ message: String, at mark: Mark, in source: SourceFile) {
        self.init(
            severity: severity, message: message, file: source.name, mark: mark, sourceLine: source.line(at: mark))
    }

    /// A diagnostic at the start of a node.
    public init(_ severity: Severity, _ message: String, at node: Node) {
        self.init(severity, message, at: node.start, in: node.file)
    }

    /// `file:line:col: severity: message`, then the source line and a caret under the column.
    ///
    /// The caret line copies the tabs before the column from the source line, so the caret lines up whatever the
    /// terminal's tab width; other characters count one column each (wide CJK characters are not measured).
    public var rendered: String {
        guard let mark else { return "\(file): \(severity.rawValue): \(message)" }
        let header = "\(file):\(mark.line):\(mark.column): \(severity.rawValue): \(message)"
        guard let sourceLine else { return header }
        var caret = ""
        var scalars = sourceLine.unicodeScalars.makeIterator()
        for _ in 1..<max(mark.column, 1) {
            caret += scalars.next() == "\t" ? "\t" : " "
        }
        return header + "\n" + sourceLine + "\n" + caret + "^"
    }

    /// The rendered form.
    public var description: String { rendered }

    /// Orders by file, then position (whole-file diagnostics first), then severity, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.mark != rhs.mark {
            guard let left = lhs.mark else { return true }
            guard let right = rhs.mark else { return false }
            return left < right
        }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}
