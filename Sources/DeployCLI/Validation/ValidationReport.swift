public import DeployYAML

/// What `deploy validate` found: the files it read and every diagnostic, in order.
public struct ValidationReport: Sendable, Hashable {
    /// The files checked, in the order checked.
    public var files: [String] = []
    /// Every problem, grouped by file in the order checked and sorted by position within a file.
    public var diagnostics: [Diagnostic] = []

    /// An empty report.
    public init() {}

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The closing line: `3 files valid`, or `2 errors in 1 of 3 files`.
    public var summary: String {
        let errors = diagnostics.filter { $0.severity == .error }
        let fileCount = "\(files.count) file" + (files.count == 1 ? "" : "s")
        guard !errors.isEmpty else { return "\(fileCount) valid" }
        let failing = Set(errors.map(\.file)).count
        let errorCount = "\(errors.count) error" + (errors.count == 1 ? "" : "s")
        return "\(errorCount) in \(failing) of \(fileCount)"
    }
}
