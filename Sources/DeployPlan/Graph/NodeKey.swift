public import AzureML

/// How the desired graph identifies a resource before the workspace is read: by its id when the manifests fix the
/// name (and version), by kind and name for an asset whose version the plan picks, and by manifest for a job named
/// after its request body.
public enum NodeKey: Sendable, Hashable, CustomStringConvertible {
    /// A resource whose name, and version for assets, the manifests fix.
    case resource(ResourceID)
    /// An environment or data asset whose manifest leaves the version to the plan.
    case versionless(ResourceKind, name: String)
    /// A job named after its resolved body: `slug-<10 hex digits>`, known once the references it names are pinned.
    case generatedJob(manifest: String, slug: String)

    /// The kind of resource.
    public var kind: ResourceKind {
        switch self {
        case .resource(let id): id.kind
        case .versionless(let kind, _): kind
        case .generatedJob: .job
        }
    }

    /// The name, or the slug of a generated job name.
    public var name: String {
        switch self {
        case .resource(let id): id.name
        case .versionless(_, let name): name
        case .generatedJob(_, let slug): slug
        }
    }

    /// `environment.lightgbm-env:1`, `data.iris` (version to be picked), `job.lightgbm-iris-<hash>`.
    public var description: String {
        switch self {
        case .resource(let id): id.address
        case .versionless(let kind, let name): "\(kind.displayName).\(name)"
        case .generatedJob(_, let slug): "job.\(slug)-<hash>"
        }
    }
}
