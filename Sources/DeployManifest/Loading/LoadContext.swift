import DeployYAML

/// The state of loading one manifest: where its relative paths start, the diagnostics found so far and the local
/// paths it references. One context per file; not shared between threads.
final class LoadContext {
    /// The absolute folder relative paths are resolved against (changes while a `file:` reference is read).
    var directory: String
    /// The same folder as the user gave it, for messages.
    var displayDirectory: String
    /// The parser for referenced YAML files (conda files, `file:` references).
    let parser: YAMLParser
    /// Everything found so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// Absolute local paths the manifest names.
    private(set) var references: [String] = []

    init(directory: String, displayDirectory: String, parser: YAMLParser) {
        self.directory = directory
        self.displayDirectory = displayDirectory
        self.parser = parser
    }

    /// Whether an error has been reported.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reports an error at a node's start.
    func error(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.error, message, at: node))
    }

    /// Reports a warning at a node's start.
    func warning(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.warning, message, at: node))
    }

    /// Reports a diagnostic at a position inside a source.
    func report(_ severity: Diagnostic.Severity, _ message: String, at mark: Mark, in file: SourceFile) {
        diagnostics.append(Diagnostic(severity, message, at: mark, in: file))
    }

    /// Adds diagnostics found elsewhere (YAML errors of a referenced file).
    func append(_ more: [Diagnostic]) {
        diagnostics += more
    }

    /// Records a local path the manifest names.
    func reference(_ path: LocalPath) {
        references.append(path.absolute)
    }

    /// `written` as a local path relative to the current directory.
    func localPath(_ written: String) -> LocalPath {
        LocalPath(written: written, relativeTo: directory, displayDirectory: displayDirectory)
    }

    /// `parent.key`, or `key` at the top level.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// `parent[index]`.
    static func join(_ parent: String, index: Int) -> String {
        parent + "[\(index)]"
    }

    /// `path: `, or nothing at the top level: how a message about a mapping starts.
    static func prefix(_ path: String) -> String {
        path.isEmpty ? "" : path + ": "
    }
}
