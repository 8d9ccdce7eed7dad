public import DeployManifest
public import DeployYAML

/// What one manifest file asks of a workspace: the resources it implies, in the order the SDK creates them
/// (anonymous code, then the inline environment, then the job; or the asset alone), and the problems found while
/// translating it.
public struct DesiredManifest: Sendable {
    /// The manifest's path as given.
    public var path: String
    /// Its kind.
    public var kind: ManifestKind
    /// The resources, in creation order; the last is the manifest's own resource.
    public var resources: [DesiredResource]
    /// Errors and warnings found while translating, sorted by position.
    public var diagnostics: [Diagnostic]

    /// A translation with every field given.
    public init(path: String, kind: ManifestKind, resources: [DesiredResource], diagnostics: [Diagnostic]) {
        self.path = path
        self.kind = kind
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (then `resources` is empty).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The manifest's own resource (the job or asset), when it translated without errors.
    public var primary: DesiredResource? { resources.last }
}
