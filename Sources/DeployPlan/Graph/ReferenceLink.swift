public import AzureML

/// A reference of a desired resource, and what it resolves to: a resource of the same set of manifests, something
/// the plan must read from the workspace, or a value sent as written (a curated environment, a registry asset, a
/// URL) that needs no request.
public struct ReferenceLink: Sendable, Hashable {
    /// What the reference resolves to.
    public enum Resolution: Sendable, Hashable {
        /// A resource the set defines.
        case node(NodeKey)
        /// Something the workspace must hold.
        case workspace(ExternalResource)
        /// Sent as written; the service resolves it (the reason says why no request is made).
        case passThrough(String)
    }

    /// The reference as the translation found it.
    public var reference: WorkspaceReference
    /// What it resolves to.
    public var resolution: Resolution
    /// A versionless asset of the set that may create the version named (it is applied first, and the reference is
    /// satisfied when the plan gives it that version).
    public var producer: NodeKey?

    /// A link.
    public init(reference: WorkspaceReference, resolution: Resolution, producer: NodeKey? = nil) {
        self.reference = reference
        self.resolution = resolution
        self.producer = producer
    }

    /// The value as written in the manifest (`azureml:iris@latest`, `azureml:cpu-cluster`).
    public var written: String {
        switch reference.target {
        case .asset(let asset): asset.written
        case .compute(let compute): Self.written(compute)
        }
    }

    /// Whether the reference is an `@latest` label.
    public var isLabel: Bool { reference.needsLookup }

    private static func written(_ compute: ComputeTarget) -> String {
        switch compute {
        case .named(let name): name
        case .armID(let id): id
        case .virtualCluster(let name): "virtualClusters/\(name)"
        case .local: "local"
        }
    }
}
