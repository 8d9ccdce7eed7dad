public import AzureML

/// What a plan needs besides the manifests and the workspace: where it is going and why, the git commit recorded in
/// fingerprints, `--rerun`, how many reads may be in flight, and the api-versions.
public struct PlanOptions: Sendable {
    /// The workspace, as the plan reports it.
    public var workspace: PlanWorkspace
    /// The version of `deploy`, recorded in saved plans.
    public var deployVersion: String
    /// The git commit of the manifests, added to `deploy.source`; `nil` outside a repository.
    public var sourceRevision: String?
    /// Give jobs named after their content a new name even when they were submitted already (`--rerun`).
    public var rerun: Bool
    /// The most reads in flight at once.
    public var maxConcurrentReads: Int
    /// The api-versions of reads (PUTs carry their resource's).
    public var apiVersions: RequestAPIVersions

    /// Options.
    public init(
        workspace: PlanWorkspace, deployVersion: String, sourceRevision: String? = nil, rerun: Bool = false,
        maxConcurrentReads: Int = 16, apiVersions: RequestAPIVersions = .sdk
    ) {
        self.workspace = workspace
        self.deployVersion = deployVersion
        self.sourceRevision = sourceRevision
        self.rerun = rerun
        self.maxConcurrentReads = maxConcurrentReads
        self.apiVersions = apiVersions
    }
}
