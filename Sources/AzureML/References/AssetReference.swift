public import DeployManifest

/// A path-like manifest value as azure-ai-ml 1.35.2 reads it for the place it appears in: a workspace asset by
/// version or label, an ARM id, a curated environment, a registry asset, a datastore or job-output URI, a URL, or a
/// local file or folder.
public struct AssetReference: Sendable, Hashable {
    /// What the value names.
    public enum Target: Sendable, Hashable {
        /// `azureml:name:version` (split on the first `:` after the prefix).
        case version(kind: AssetKind, name: String, version: String)
        /// `azureml:name@label`; only `latest` exists.
        case label(kind: AssetKind, name: String, label: String)
        /// An ARM id (`azureml:/subscriptions/...`, or a bare `/subscriptions/...` where the SDK accepts one), without
        /// the `azureml:` prefix.
        case armID(String)
        /// `azureml:AzureML-*`: a curated environment, sent verbatim with its prefix and the service resolves it.
        case curatedEnvironment(String)
        /// `azureml://registries/...`, sent verbatim.
        case registry(String)
        /// `azureml://datastores/<datastore>/paths/<path>`.
        case datastorePath(datastore: String, path: String)
        /// `azureml://subscriptions/<s>/resourcegroups/<rg>/workspaces/<w>/datastores/<d>/paths/<p>`, sent verbatim.
        case workspaceDatastorePath(String)
        /// `azureml://jobs/<job>/outputs/<output>/paths/<path>`, sent verbatim.
        case jobOutput(job: String, output: String, path: String)
        /// A URL the service reads (`https://`, `wasbs://`, `abfss://`, `git+https://` for code, ...), sent verbatim.
        case url(String)
        /// A file or folder on this machine, uploaded before the resource that names it is created.
        case local(LocalPath)
    }

    /// The value as written in the manifest.
    public var written: String
    /// The place it appears in.
    public var role: ReferenceRole
    /// What it names.
    public var target: Target

    /// A reference with every field given.
    public init(written: String, role: ReferenceRole, target: Target) {
        self.written = written
        self.role = role
        self.target = target
    }

    /// Whether the value names something a workspace must be asked about before a body can be written (a label).
    public var needsLookup: Bool {
        if case .label = target { return true }
        return false
    }

    /// The workspace asset named by version or label, if any: what a plan looks up or links to another manifest.
    public var workspaceAsset: (kind: AssetKind, name: String, version: String?)? {
        switch target {
        case .version(let kind, let name, let version): return (kind, name, version)
        case .label(let kind, let name, _): return (kind, name, nil)
        default: return nil
        }
    }

    /// The value a request body carries for this reference in `workspace`, when it needs neither a workspace lookup
    /// nor an upload: the ARM id of a versioned asset, or the value verbatim. `nil` for labels and local paths.
    public func wireValue(in workspace: WorkspaceID) -> String? {
        switch target {
        case .version(let kind, let name, let version): return kind.armID(name: name, version: version, in: workspace)
        case .label, .local: return nil
        case .armID(let id): return id
        case .curatedEnvironment(let value), .registry(let value), .workspaceDatastorePath(let value),
            .url(let value):
            return value
        case .datastorePath, .jobOutput: return written
        }
    }
}
