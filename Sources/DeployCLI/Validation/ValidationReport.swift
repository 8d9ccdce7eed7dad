import AzureML
public import DeployYAML

/// What `deploy validate` found: the manifests it read and every diagnostic, in order.
public struct ValidationReport: Sendable, Hashable {
    /// The manifest files checked, in the order checked.
    public var files: [String] = []
    /// Every problem: path problems first, then each file's, sorted by position within a file.
    public var diagnostics: [Diagnostic] = []
    /// The paths with an error (a manifest whose `--set` overrides fail counts as failing itself).
    public var failedFiles: [String] = []

    /// An empty report.
    public init() {}

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The closing line: `3 files valid`, `3 files valid, 1 warning`, or `2 errors in 1 of 3 files`.
    public var summary: String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.count - errors.count
        let fileCount = ValidationReport.count(files.count, "file")
        let warningSuffix = warnings == 0 ? "" : ", " + ValidationReport.count(warnings, "warning")
        guard !errors.isEmpty else { return "\(fileCount) valid" + warningSuffix }
        let failing = failedFiles.isEmpty ? Set(errors.map(\.file)).count : failedFiles.count
        return "\(ValidationReport.count(errors.count, "error")) in \(failing) of \(fileCount)" + warningSuffix
    }

    /// The text form: every diagnostic rendered (for standard error), and the summary.
    public var text: String {
        (diagnostics.map(\.rendered) + [summary]).joined(separator: "\n") + "\n"
    }

    /// The JSON form: `{"files": [...], "diagnostics": [{file, line, column, severity, message}], "errors": n,
    /// "warnings": n}`; `line` and `column` are null for problems with a whole file.
    public var json: String {
        let entries: [JSONValue] = diagnostics.map { diagnostic in
            .object([
                "file": .string(diagnostic.file),
                "line": diagnostic.mark.map { .int($0.line) } ?? .null,
                "column": diagnostic.mark.map { .int($0.column) } ?? .null,
                "severity": .string(diagnostic.severity.rawValue),
                "message": .string(diagnostic.message),
            ])
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document: JSONValue = .object([
            "files": .array(files.map { .string($0) }),
            "diagnostics": .array(entries),
            "errors": .int(errors),
            "warnings": .int(diagnostics.count - errors),
        ])
        return document.serialized(.pretty) + "\n"
    }

    private static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }
}
