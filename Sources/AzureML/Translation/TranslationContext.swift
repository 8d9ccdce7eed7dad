import DeployManifest
import DeployYAML

/// The state of translating one manifest: the options, the resources produced so far and the problems found. One
/// per manifest; not shared between threads.
final class TranslationContext {
    let options: TranslationOptions
    /// The manifest's path as given.
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Implied resources (code, inline environment) in creation order; the manifest's own resource comes last.
    private(set) var resources: [DesiredResource] = []

    init(options: TranslationOptions, path: String) {
        self.options = options
        self.path = path
    }

    var workspace: WorkspaceID { options.workspace }
    var versions: RequestAPIVersions { options.apiVersions }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.error, message, at: node))
    }

    func warning(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.warning, message, at: node))
    }

    /// Records an error thrown by a reference parser or a hash, at `node` unless it carries its own position.
    func report(_ error: AzureMLError, at node: Node) {
        if let diagnostic = error.diagnostic {
            diagnostics.append(diagnostic)
        } else if error.kind == "io" {
            self.error("\(error.message): \(error.location ?? "")", at: node)
        } else {
            self.error(error.message, at: node)
        }
    }

    /// Adds an implied resource unless an identical one is already there (a sweep's trial and its inputs may name
    /// the same snapshot twice).
    func add(_ resource: DesiredResource) {
        if let id = resource.id, resources.contains(where: { $0.id == id && $0.body == resource.body }) { return }
        resources.append(resource)
    }
}
