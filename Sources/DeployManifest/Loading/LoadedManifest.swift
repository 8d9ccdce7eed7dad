public import DeployYAML

/// The outcome of loading one manifest file: its kind, the typed manifest when the file has no errors, every
/// diagnostic sorted by position, and the local paths it references.
public struct LoadedManifest: Sendable {
    /// The file's path as given.
    public var path: String
    /// The absolute folder of the file, which relative paths inside it are resolved against.
    public var directory: String
    /// The kind, once detected (from `$schema`, else `type`).
    public var kind: ManifestKind?
    /// The typed manifest; `nil` when there is any error.
    public var manifest: Manifest?
    /// Every error and warning, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Absolute local paths the manifest names (code, conda file, build context, inputs, data path, `file:`
    /// references): `deploy validate` does not read these as manifests when it scans a folder.
    public var references: [String]

    /// A result with every field given.
    public init(
        path: String, directory: String, kind: ManifestKind?, manifest: Manifest?, diagnostics: [Diagnostic],
        references: [String]
    ) {
        self.path = path
        self.directory = directory
        self.kind = kind
        self.manifest = manifest
        self.diagnostics = diagnostics
        self.references = references
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
