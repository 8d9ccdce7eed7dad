public import DeployManifest
public import DeployYAML

/// Validates manifest files and folders: YAML syntax, the v2 schema, local paths and command placeholders.
public struct ManifestValidator: Sendable {
    /// The loader, with its parser limits and `--set` overrides.
    public var loader: ManifestLoader

    /// A validator with the given loader.
    public init(loader: ManifestLoader = ManifestLoader()) {
        self.loader = loader
    }

    /// Validates the files named and the manifests under the folders named.
    public func validate(paths: [String]) -> ValidationReport {
        let set = loader.load(paths: paths)
        var report = ValidationReport()
        report.files = set.manifests.map(\.path)
        // Path problems first (they concern what was asked for), then each manifest's diagnostics in order.
        report.diagnostics = set.diagnostics + set.manifests.flatMap(\.diagnostics)
        var failed = set.diagnostics.filter { $0.severity == .error }.map(\.file)
        failed += set.manifests.filter(\.hasErrors).map(\.path)
        report.failedFiles = failed.reduce(into: []) { unique, file in
            if !unique.contains(file) { unique.append(file) }
        }
        return report
    }

    /// The diagnostics of one file, sorted by position.
    public func validate(file path: String) -> [Diagnostic] {
        loader.load(file: path).diagnostics
    }
}
