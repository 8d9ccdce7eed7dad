import AzureML
import DeployYAML

/// The state of making one plan: the answers read so far, the values resolved for placeholders, the change decided
/// for each node, and the problems found. Used by one task; `Planner` drives it.
final class PlanRun {
    let options: PlanOptions
    let graph: DesiredGraph
    let reader: StateReader

    /// Every answer, by read.
    var outcomes: [StateRead: ReadOutcome] = [:]
    /// The reads in the order they were sent.
    var readOrder: [StateRead] = []
    /// Values the plan resolved: code version ids, `@latest` versions, the workspace location.
    var values: [Placeholder: String] = [:]
    /// The change decided for each node.
    var nodeChanges: [NodeKey: PlannedChange] = [:]
    /// The version given to each versioned node (the one picked, for versionless assets).
    var plannedVersions: [NodeKey: String] = [:]
    /// Changes for things read from the workspace, in order of first reference.
    var readChanges: [PlannedChange] = []
    /// The dependencies (addresses) and pins found for each node's references.
    var linkResults: [NodeKey: (dependsOn: [String], pins: [PinnedReference])] = [:]
    /// Placeholders whose value could not be found, with an error already reported.
    var unresolvable: Set<Placeholder> = []
    /// Nodes with a reference that names nothing, or that could not be read: they get no change.
    var brokenNodes: Set<NodeKey> = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(options: PlanOptions, graph: DesiredGraph, reader: StateReader) {
        self.options = options
        self.graph = graph
        self.reader = reader
    }

    var workspace: WorkspaceID { options.workspace.id }

    /// Reads, decides assets, resolves references, then names and decides jobs.
    func execute() async {
        await read(firstReads())
        await read(latestVersionReads())
        for node in graph.nodes where node.key.kind != .job {
            decideAsset(node)
        }
        for node in graph.nodes {
            linkResults[node.key] = resolveLinks(node)
        }
        await decideJobs()
        let ordered = orderedChanges
        let positions = Dictionary(
            ordered.enumerated().map { ($0.element.address, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for key in nodeChanges.keys {
            let (dependsOn, pins) = linkResults[key] ?? ([], [])
            guard var change = nodeChanges[key], let node = graph.node(key) else { continue }
            let addresses = Set(node.dependencies.compactMap { nodeChanges[$0]?.address } + dependsOn)
            change.dependsOn = addresses.filter { $0 != change.address }.sorted {
                (positions[$0] ?? .max, $0) < (positions[$1] ?? .max, $1)
            }
            change.pins = pins
            nodeChanges[key] = change
        }
    }

    /// Reads first, then nodes in dependency order.
    var orderedChanges: [PlannedChange] {
        readChanges + graph.nodes.compactMap { nodeChanges[$0.key] }
    }

    /// What was read, with the fingerprints of the answers (failed reads left out: the plan has errors then).
    var readFingerprints: [ReadFingerprint] {
        readOrder.compactMap { read in
            outcomes[read]?.fingerprint(for: read).map { ReadFingerprint(read: read, digest: $0) }
        }
    }

    // MARK: Reading

    /// Sends the reads not sent yet, in parallel.
    func read(_ reads: [StateRead]) async {
        var fresh: [StateRead] = []
        for read in reads where outcomes[read] == nil && !fresh.contains(read) { fresh.append(read) }
        guard !fresh.isEmpty else { return }
        let results = await reader.read(fresh)
        for read in fresh {
            outcomes[read] = results[read] ?? .failed("no answer")
            readOrder.append(read)
        }
    }

    /// The api-version reads of `kind` use.
    func readAPIVersion(_ kind: ResourceKind) -> String {
        switch kind {
        case .environment: options.apiVersions.environments
        case .data: options.apiVersions.data
        case .code: options.apiVersions.codes
        case .compute: options.apiVersions.computes
        case .job: APIVersion.jobs
        case .datastore: options.apiVersions.datastores
        }
    }

    /// The read that tells what the workspace holds for `node`: the version, the container of a versionless asset,
    /// the hash lookup of a code snapshot, the compute or job; `nil` for jobs named after their body.
    func primaryRead(_ node: DesiredGraph.Node) -> StateRead? {
        switch node.key {
        case .resource(let id):
            if case .localCode(let hash) = node.resource.origin {
                return StateRead(
                    path: "/codes/\(id.name)/versions", apiVersion: options.apiVersions.codes,
                    query: [.init("hash", hash), .init("hashVersion", String(ContentHash.version))], shape: .list,
                    kind: .code)
            }
            return StateRead(
                path: id.relativePath, apiVersion: readAPIVersion(id.kind), shape: .resource, kind: id.kind)
        case .versionless(let kind, let name):
            return StateRead(
                path: "/\(kind.collection)/\(name)", apiVersion: readAPIVersion(kind), shape: .container, kind: kind)
        case .generatedJob:
            return nil
        }
    }

    /// The read of a version of a versionless asset.
    func versionRead(_ kind: ResourceKind, _ name: String, _ version: String) -> StateRead {
        StateRead(
            path: ResourceID(kind: kind, name: name, version: version).relativePath, apiVersion: readAPIVersion(kind),
            shape: .resource, kind: kind)
    }

    /// The read of a job by name.
    func jobRead(_ name: String) -> StateRead {
        StateRead(path: "/jobs/\(name)", apiVersion: APIVersion.jobs, shape: .resource, kind: .job)
    }

    /// The read that resolves an external reference: the version, compute or job; for `@latest`, the data
    /// container (its `latestVersion`) or the newest version by creation time (environments, models), as the SDK
    /// resolves them.
    func externalRead(_ resource: ExternalResource) -> StateRead {
        let version = resource.kind.apiVersion(options.apiVersions)
        let kind = ResourceKind(rawValue: resource.kind.rawValue)
        guard resource.isLatest else {
            return StateRead(path: resource.path, apiVersion: version, shape: .resource, kind: kind)
        }
        if resource.kind == .data {
            return StateRead(path: resource.path, apiVersion: version, shape: .container, kind: kind)
        }
        return StateRead(
            path: resource.path + "/versions", apiVersion: version,
            query: [.init("$orderBy", "createdtime desc"), .init("$top", "1")], shape: .list, kind: kind)
    }

    /// The workspace itself (its location).
    var workspaceRead: StateRead {
        StateRead(path: "", apiVersion: options.apiVersions.workspaces, shape: .workspace)
    }

    /// Everything that does not depend on another answer.
    func firstReads() -> [StateRead] {
        var reads: [StateRead] = []
        for node in graph.nodes {
            if let read = primaryRead(node) { reads.append(read) }
            if node.resource.body.placeholders.contains(.workspaceLocation) { reads.append(workspaceRead) }
            for link in node.links {
                if case .workspace(let resource) = link.resolution { reads.append(externalRead(resource)) }
            }
        }
        return reads
    }

    /// The latest version of each versionless asset whose container exists.
    func latestVersionReads() -> [StateRead] {
        graph.nodes.compactMap { node in
            guard case .versionless(let kind, let name) = node.key, let read = primaryRead(node),
                let container = outcomes[read]?.resource,
                let latest = container.properties["latestVersion"]?.stringValue
            else { return nil }
            return versionRead(kind, name, latest)
        }
    }

    // MARK: Problems

    func error(_ message: String, at source: SourceLocation) {
        errors.append(source.diagnostic(.error, message))
    }

    func warning(_ message: String, at source: SourceLocation) {
        warnings.append(source.diagnostic(.warning, message))
    }
}
