public import DeployYAML

/// What loading a list of files and folders found: every manifest, in order, and the problems that concern
/// paths rather than manifests (a missing path, an empty folder, a YAML file skipped because it is no manifest).
public struct ManifestSet: Sendable {
    /// The manifests, files given directly first in argument order, folder contents in sorted path order.
    public var manifests: [LoadedManifest]
    /// Problems with the paths themselves, in argument order.
    public var diagnostics: [Diagnostic]

    /// A set with every field given.
    public init(manifests: [LoadedManifest] = [], diagnostics: [Diagnostic] = []) {
        self.manifests = manifests
        self.diagnostics = diagnostics
    }

    /// Whether any manifest or path has an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error } || manifests.contains(where: \.hasErrors)
    }
}
