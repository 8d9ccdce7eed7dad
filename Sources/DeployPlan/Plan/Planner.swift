public import AzureML

/// Plans a set of translated manifests against a workspace: builds the desired graph, reads the workspace's state
/// (every resource the graph names, in parallel within a bound), pins `@latest` references, decides per resource
/// whether to create, update, leave or refuse it, and records what it read. The plan sends only GET requests (and
/// list GETs for the code hash lookup and newest environment versions).
public struct Planner: Sendable {
    /// Where, how, and with what limits.
    public var options: PlanOptions

    /// A planner.
    public init(options: PlanOptions) {
        self.options = options
    }

    /// The plan for `manifests` (translated without errors, in the order given) against `service`. `files` are the
    /// absolute paths of the local files the manifests involve besides the uploads (the manifests themselves, conda
    /// files; see `PlanInputs`): their digests are recorded with the digests of the files to upload.
    ///
    /// Problems become the plan's `errors`: a graph that cannot be built (no request is sent then), references that
    /// name nothing in the manifests or the workspace, reads that fail.
    public func plan(_ manifests: [DesiredManifest], files: [String] = [], service: any WorkspaceService) async -> Plan
    {
        var plan = Plan(workspace: options.workspace, deployVersion: options.deployVersion)
        let graph: DesiredGraph
        do {
            graph = try DesiredGraph.build(manifests, workspace: options.workspace.id)
        } catch {
            plan.errors = error.diagnostics
            return plan
        }
        let run = PlanRun(
            options: options, graph: graph,
            reader: StateReader(service: service, limit: options.maxConcurrentReads))
        await run.execute()
        plan.changes = run.orderedChanges
        plan.errors = run.errors.sorted()
        plan.warnings = run.warnings.sorted()
        let uploads = plan.changes.flatMap(\.uploads).flatMap(\.files).map(\.path)
        let (fingerprints, problems) = PlanInputs.fingerprints(of: files + uploads)
        plan.errors += problems
        plan.fingerprints = PlanFingerprints(reads: run.readFingerprints, files: fingerprints)
        return plan
    }
}
