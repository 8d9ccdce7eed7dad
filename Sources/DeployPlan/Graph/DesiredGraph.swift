public import AzureML
import DeployYAML

/// The resources a set of manifests asks for, as a graph: one node per resource (explicit assets, the code snapshots
/// and inline environments jobs imply, and jobs), deduplicated across manifests, with an edge from every resource to
/// what it needs first (its manifest's implied resources, and the resources of the set its references name).
/// `nodes` is in dependency order, ties broken by kind (compute and environment, data, code, job) and then by order
/// of appearance.
public struct DesiredGraph: Sendable {
    /// One resource of the graph.
    public struct Node: Sendable {
        /// Its identity.
        public var key: NodeKey
        /// What the manifest asks for.
        public var resource: DesiredResource
        /// The manifests that imply it, first one first (several manifests may share a code snapshot).
        public var manifests: [String]
        /// Its references and what they resolve to, in the order the translation lists them.
        public var links: [ReferenceLink]
        /// The nodes that must exist first, without repeats.
        public var dependencies: [NodeKey]

        /// The manifest the resource is attributed to.
        public var manifest: String { manifests[0] }
    }

    /// The nodes in dependency order.
    public private(set) var nodes: [Node]
    private var indexes: [NodeKey: Int]

    /// The node with `key`.
    public func node(_ key: NodeKey) -> Node? {
        indexes[key].map { nodes[$0] }
    }

    /// Builds the graph of `manifests`, whose ids name resources of `workspace`. Throws `PlanError.invalidGraph` with
    /// a diagnostic per problem: a resource defined twice with different content, two jobs of the same name, or a
    /// dependency cycle.
    public static func build(_ manifests: [DesiredManifest], workspace: WorkspaceID) throws(PlanError) -> DesiredGraph {
        var builder = GraphBuilder(workspace: workspace)
        for manifest in manifests {
            for resource in manifest.resources {
                builder.add(resource, manifest: manifest.path)
            }
        }
        return try builder.finish()
    }
}

/// Collects nodes, resolves references and orders the result.
private struct GraphBuilder {
    let workspace: WorkspaceID
    var nodes: [DesiredGraph.Node] = []
    var indexes: [NodeKey: Int] = [:]
    var diagnostics: [Diagnostic] = []

    init(workspace: WorkspaceID) {
        self.workspace = workspace
    }

    mutating func add(_ resource: DesiredResource, manifest: String) {
        let key: NodeKey
        switch resource.name {
        case .fixed(let name):
            if resource.kind.isVersioned, resource.version == nil {
                key = .versionless(resource.kind, name: name)
            } else {
                key = .resource(ResourceID(kind: resource.kind, name: name, version: resource.version))
            }
        case .generated(let naming):
            key = .generatedJob(manifest: manifest, slug: naming.slug)
        }
        if let index = indexes[key] {
            let existing = nodes[index]
            if existing.resource.body == resource.body, existing.resource.kind == resource.kind {
                if !nodes[index].manifests.contains(manifest) { nodes[index].manifests.append(manifest) }
                return
            }
            let what = key.kind == .job ? "a job named \(key.name)" : "`\(key)`"
            diagnostics.append(
                resource.source.diagnostic(
                    .error,
                    "\(what) is also defined at \(existing.resource.source) with different content; give one of "
                        + "them another \(key.kind == .job || !key.kind.isVersioned ? "name" : "name or version")"))
            return
        }
        indexes[key] = nodes.count
        nodes.append(
            DesiredGraph.Node(key: key, resource: resource, manifests: [manifest], links: [], dependencies: []))
    }

    mutating func finish() throws(PlanError) -> DesiredGraph {
        for index in nodes.indices {
            var node = nodes[index]
            var dependencies = node.resource.dependencies.map { NodeKey.resource($0) }
            node.links = node.resource.references.map(link)
            for link in node.links {
                if case .node(let key) = link.resolution { dependencies.append(key) }
                if let producer = link.producer { dependencies.append(producer) }
            }
            var seen: Set<NodeKey> = [node.key]
            node.dependencies = dependencies.filter { indexes[$0] != nil && seen.insert($0).inserted }
            nodes[index] = node
        }
        guard diagnostics.isEmpty else { throw .invalidGraph(diagnostics.sorted()) }
        return DesiredGraph(ordered: try order())
    }

    /// Kahn's algorithm; among ready nodes, the lowest kind first, then the first added.
    private func order() throws(PlanError) -> [DesiredGraph.Node] {
        var remaining = nodes.map { Set($0.dependencies) }
        var dependents: [[Int]] = Array(repeating: [], count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for dependency in node.dependencies { dependents[indexes[dependency]!].append(index) }
        }
        func rank(_ index: Int) -> (Int, Int) { (Self.kindRank(nodes[index].key.kind), index) }
        var ready = nodes.indices.filter { remaining[$0].isEmpty }.sorted { rank($0) < rank($1) }
        var result: [DesiredGraph.Node] = []
        while !ready.isEmpty {
            let index = ready.removeFirst()
            result.append(nodes[index])
            for dependent in dependents[index] {
                remaining[dependent].remove(nodes[index].key)
                if remaining[dependent].isEmpty {
                    let position = ready.firstIndex { rank(dependent) < rank($0) } ?? ready.endIndex
                    ready.insert(dependent, at: position)
                }
            }
        }
        guard result.count < nodes.count else { return result }
        throw .invalidGraph([cycleDiagnostic(among: Set(nodes.indices.filter { !remaining[$0].isEmpty }))])
    }

    /// A diagnostic naming one cycle among the nodes left over, at the first node's source.
    private func cycleDiagnostic(among left: Set<Int>) -> Diagnostic {
        let start = left.min()!
        var path = [start]
        var current = start
        while true {
            let next = nodes[current].dependencies.compactMap { indexes[$0] }.filter(left.contains).min()!
            if let loop = path.firstIndex(of: next) {
                let cycle = Array(path[loop...]) + [next]
                let names = cycle.map { nodes[$0].key.description }.joined(separator: " → ")
                let first = nodes[cycle[0]]
                let reference = first.links.first { $0.resolution == .node(nodes[cycle[1]].key) }
                let location = reference?.reference.source ?? first.resource.source
                return location.diagnostic(.error, "dependency cycle: \(names) (each needs the next to exist first)")
            }
            path.append(next)
            current = next
        }
    }

    /// Computes and environments, then data, then code, then jobs.
    static func kindRank(_ kind: ResourceKind) -> Int {
        switch kind {
        case .datastore: 0
        case .compute, .environment: 1
        case .data: 2
        case .code: 3
        case .job: 4
        }
    }

    // MARK: References

    private func link(_ reference: WorkspaceReference) -> ReferenceLink {
        switch reference.target {
        case .asset(let asset): return assetLink(reference, asset)
        case .compute(let compute): return computeLink(reference, compute)
        }
    }

    private func assetLink(_ reference: WorkspaceReference, _ asset: AssetReference) -> ReferenceLink {
        switch asset.target {
        case .version(let kind, let name, let version):
            return versionLink(reference, kind: ExternalResource.Kind(kind), name: name, version: version)
        case .label(let kind, let name, _):
            if let resourceKind = kind.resourceKind, let key = latestNode(resourceKind, name) {
                return ReferenceLink(reference: reference, resolution: .node(key))
            }
            return ReferenceLink(
                reference: reference, resolution: .workspace(ExternalResource(kind: .init(kind), name: name)))
        case .armID(let id):
            guard let (owner, resource) = try? ResourceID.parse(armID: id), Self.same(owner, workspace) else {
                return ReferenceLink(
                    reference: reference, resolution: .passThrough("an ARM id outside this workspace's resources"))
            }
            return idLink(reference, resource)
        case .jobOutput(let job, _, _):
            return idLink(reference, ResourceID(kind: .job, name: job))
        case .curatedEnvironment:
            return ReferenceLink(reference: reference, resolution: .passThrough("a curated environment"))
        case .registry:
            return ReferenceLink(reference: reference, resolution: .passThrough("a registry asset"))
        default:
            return ReferenceLink(reference: reference, resolution: .passThrough("not a workspace resource"))
        }
    }

    private func computeLink(_ reference: WorkspaceReference, _ compute: ComputeTarget) -> ReferenceLink {
        switch compute {
        case .named(let name) where name.lowercased() == "serverless":
            return ReferenceLink(reference: reference, resolution: .passThrough("serverless compute"))
        case .named(let name):
            return idLink(reference, ResourceID(kind: .compute, name: name))
        case .armID(let id):
            guard let (owner, resource) = try? ResourceID.parse(armID: id), Self.same(owner, workspace),
                resource.kind == .compute
            else {
                return ReferenceLink(reference: reference, resolution: .passThrough("a compute outside this workspace"))
            }
            return idLink(reference, resource)
        case .virtualCluster:
            return ReferenceLink(reference: reference, resolution: .passThrough("a virtual cluster"))
        case .local:
            return ReferenceLink(reference: reference, resolution: .passThrough("local compute"))
        }
    }

    /// A resource of this workspace named by id: a node of the set, else something to read.
    private func idLink(_ reference: WorkspaceReference, _ resource: ResourceID) -> ReferenceLink {
        switch resource.kind {
        case .environment, .data, .code:
            guard let version = resource.version else {
                return ReferenceLink(reference: reference, resolution: .passThrough("an asset container"))
            }
            let kind: ExternalResource.Kind =
                resource.kind == .environment ? .environment : resource.kind == .data ? .data : .code
            return versionLink(reference, kind: kind, name: resource.name, version: version)
        case .compute, .job:
            if indexes[.resource(resource)] != nil {
                return ReferenceLink(reference: reference, resolution: .node(.resource(resource)))
            }
            let kind: ExternalResource.Kind = resource.kind == .compute ? .compute : .job
            return ReferenceLink(
                reference: reference, resolution: .workspace(ExternalResource(kind: kind, name: resource.name)))
        case .datastore:
            return ReferenceLink(reference: reference, resolution: .passThrough("a datastore"))
        }
    }

    private func versionLink(
        _ reference: WorkspaceReference, kind: ExternalResource.Kind, name: String, version: String
    ) -> ReferenceLink {
        let resourceKind: ResourceKind? =
            switch kind {
            case .environment: .environment
            case .data: .data
            case .code: .code
            default: nil
            }
        if let resourceKind {
            let key = NodeKey.resource(ResourceID(kind: resourceKind, name: name, version: version))
            if indexes[key] != nil { return ReferenceLink(reference: reference, resolution: .node(key)) }
        }
        let producer = resourceKind.map { NodeKey.versionless($0, name: name) }.flatMap {
            indexes[$0] != nil ? $0 : nil
        }
        return ReferenceLink(
            reference: reference, resolution: .workspace(ExternalResource(kind: kind, name: name, version: version)),
            producer: producer)
    }

    /// The node `@latest` of `name` pins to: the versionless definition when there is one, else the highest
    /// version the set defines.
    private func latestNode(_ kind: ResourceKind, _ name: String) -> NodeKey? {
        if indexes[.versionless(kind, name: name)] != nil { return .versionless(kind, name: name) }
        let versions = nodes.compactMap { node -> String? in
            guard case .resource(let id) = node.key, id.kind == kind, id.name == name else { return nil }
            return id.version
        }
        guard let highest = versions.max(by: VersionOrder.precedes) else { return nil }
        return .resource(ResourceID(kind: kind, name: name, version: highest))
    }

    static func same(_ a: WorkspaceID, _ b: WorkspaceID) -> Bool {
        a.subscription.lowercased() == b.subscription.lowercased()
            && a.resourceGroup.lowercased() == b.resourceGroup.lowercased()
            && a.workspace.lowercased() == b.workspace.lowercased()
    }
}

extension DesiredGraph {
    /// A graph of nodes already in dependency order.
    fileprivate init(ordered: [Node]) {
        nodes = ordered
        indexes = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, $0.offset) })
    }
}
