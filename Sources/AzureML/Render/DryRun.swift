/// The requests azure-ai-ml 1.35.2 would send to an empty workspace for a list of manifests, in order (azureml-rest.md
/// §7): per job the code snapshot (hash lookup, pending upload, files, PUT), the inline environment, the inputs
/// (datastore uploads, `@latest` lookups), then the job; per asset its uploads, the container read of a versionless
/// asset, then the PUT.
///
/// The workspace starts empty and remembers what the run creates, so a snapshot or upload repeated by a later
/// manifest is found, as the SDK would find it. Values only a workspace can supply (the pending-upload container, a
/// datastore's container, `@latest` versions, the workspace location) stay as placeholders.
public struct DryRun: Sendable {
    /// The workspace the requests go to.
    public var workspace: WorkspaceID
    /// The api-versions of reads (lookups, datastores, containers); PUTs carry their resource's.
    public var apiVersions: RequestAPIVersions
    /// Values the workspace is known to supply (a container URL, what `@latest` names); the others stay
    /// placeholders.
    public var knownValues: [Placeholder: String]
    /// Code versions the workspace already holds, by content hash: their hash lookup finds them, so nothing is
    /// uploaded or created.
    public var existingCode: [String: ResourceID]

    /// A dry run against `workspace`, empty unless `existingCode` says otherwise.
    public init(
        workspace: WorkspaceID, apiVersions: RequestAPIVersions = .sdk, knownValues: [Placeholder: String] = [:],
        existingCode: [String: ResourceID] = [:]
    ) {
        self.workspace = workspace
        self.apiVersions = apiVersions
        self.knownValues = knownValues
        self.existingCode = existingCode
    }

    /// The requests for the manifests, in order.
    public func requests(for manifests: [DesiredManifest]) -> [RenderedRequest] {
        var state = State(codeByHash: existingCode, values: knownValues)
        var result: [RenderedRequest] = []
        for manifest in manifests {
            for resource in manifest.resources {
                result += requests(for: resource, state: &state)
            }
        }
        return result
    }

    /// What the simulated workspace holds.
    struct State {
        /// Code versions by content hash.
        var codeByHash: [String: ResourceID] = [:]
        /// Versions created per asset container (`kind/name`), in creation order.
        var versions: [String: [String]] = [:]
        /// Uploaded blob prefixes per destination.
        var uploads: Set<String> = []
        /// Values the simulated workspace supplies.
        var values: [Placeholder: String] = [:]
    }

    private func requests(for resource: DesiredResource, state: inout State) -> [RenderedRequest] {
        var out: [RenderedRequest] = []
        let source = resource.source
        func emit(_ request: ARMRequest) { out.append(RenderedRequest(content: .arm(request), source: source)) }
        func prepare(_ preparations: [DesiredResource.Preparation]) {
            for preparation in preparations {
                switch preparation {
                case .upload(let upload): out += self.upload(upload, source: upload.location, state: &state)
                case .lookup(let reference): out += lookup(reference, state: state)
                case .read(let read): out += self.read(read)
                }
            }
        }
        let base = workspace.armID
        switch (resource.kind, resource.name) {
        case (.code, .fixed(let name)) where !resource.uploads.isEmpty:
            let upload = resource.uploads[0]
            let version = resource.version ?? AnonymousCode.version
            emit(
                ARMRequest(
                    method: "GET", path: "\(base)/codes/\(name)/versions", apiVersion: apiVersions.codes,
                    query: [.init("hash", upload.hash), .init("hashVersion", String(ContentHash.version))]))
            if let existing = state.codeByHash[upload.hash] {
                emit(ARMRequest(method: "GET", path: workspace.id(of: existing), apiVersion: apiVersions.codes))
                state.values[.codeVersionID(contentHash: upload.hash)] = workspace.id(of: existing)
                return out
            }
            emit(
                ARMRequest(
                    method: "POST", path: "\(base)/codes/\(name)/versions/\(version)/startPendingUpload",
                    apiVersion: apiVersions.codes, body: PendingUpload.requestBody))
            out += self.upload(upload, source: source, state: &state)
            let id = ResourceID(kind: .code, name: name, version: version)
            emit(put(resource, id: id, state: state))
            state.codeByHash[upload.hash] = id
            state.values[.codeVersionID(contentHash: upload.hash)] = workspace.id(of: id)
        case (.environment, .fixed(let name)) where resource.version == nil:
            emit(ARMRequest(method: "GET", path: "\(base)/environments/\(name)", apiVersion: apiVersions.environments))
            let version = state.versions["environment/\(name)"]?.last ?? "1"
            prepare(resource.preparations)
            emit(put(resource, id: ResourceID(kind: .environment, name: name, version: version), state: state))
            record(.environment, name, version, &state)
        case (.data, .fixed(let name)) where resource.version == nil:
            prepare(resource.preparations)
            emit(ARMRequest(method: "GET", path: "\(base)/data/\(name)", apiVersion: apiVersions.data))
            let version = String((state.versions["data/\(name)"]?.compactMap { Int($0) }.max() ?? 0) + 1)
            emit(put(resource, id: ResourceID(kind: .data, name: name, version: version), state: state))
            record(.data, name, version, &state)
        case (.compute, .fixed(let name)):
            if resource.body.placeholders.contains(.workspaceLocation) {
                emit(ARMRequest(method: "GET", path: base, apiVersion: apiVersions.workspaces))
            }
            emit(put(resource, id: ResourceID(kind: .compute, name: name), state: state))
        case (.job, _):
            prepare(resource.preparations)
            let (name, body) = resource.resolved(state.values)
            emit(
                ARMRequest(
                    method: "PUT", path: "\(base)/jobs/\(name)", apiVersion: resource.apiVersion, body: body))
        case (_, .fixed(let name)):
            prepare(resource.preparations)
            let id = ResourceID(kind: resource.kind, name: name, version: resource.version)
            emit(put(resource, id: id, state: state))
            if let version = resource.version { record(resource.kind, name, version, &state) }
        case (_, .generated):
            break
        }
        return out
    }

    private func put(_ resource: DesiredResource, id: ResourceID, state: State) -> ARMRequest {
        ARMRequest(
            method: "PUT", path: workspace.id(of: id), apiVersion: resource.apiVersion,
            body: resource.body.resolved(state.values))
    }

    private func record(_ kind: ResourceKind, _ name: String, _ version: String, _ state: inout State) {
        state.versions["\(kind.rawValue)/\(name)", default: []].append(version)
    }

    /// A datastore upload reads the datastore and its secrets first; a pending upload has its container already.
    private func upload(_ upload: Upload, source: SourceLocation, state: inout State) -> [RenderedRequest] {
        var out: [RenderedRequest] = []
        if case .datastore(let name) = upload.destination { out += datastoreAccess(name, source: source) }
        let key = "\(upload.containerURL)/\(upload.prefix)"
        let already = !state.uploads.insert(key).inserted
        out.append(RenderedRequest(content: .upload(upload, alreadyUploaded: already), source: source))
        return out
    }

    /// A remote read: the datastore and its secrets first when read through one, then the file.
    private func read(_ read: RemoteRead) -> [RenderedRequest] {
        let access = read.datastore.map { datastoreAccess($0, source: read.location) } ?? []
        return access + [RenderedRequest(content: .download(read), source: read.location)]
    }

    /// `GET` of a datastore and `POST listSecrets`, as the SDK reads a datastore's account and key.
    private func datastoreAccess(_ name: String, source: SourceLocation) -> [RenderedRequest] {
        let path = "\(workspace.armID)/datastores/\(name)"
        return [
            RenderedRequest(
                content: .arm(ARMRequest(method: "GET", path: path, apiVersion: apiVersions.datastores)),
                source: source),
            RenderedRequest(
                content: .arm(
                    ARMRequest(
                        method: "POST", path: path + "/listSecrets", apiVersion: apiVersions.datastores,
                        body: ["expirableSecret": true, "expireAfterHours": 1])), source: source),
        ]
    }

    /// An `@latest` lookup: a data container's `latestVersion` then that version; environments and models list the
    /// newest version by creation time.
    private func lookup(_ reference: WorkspaceReference, state: State) -> [RenderedRequest] {
        guard case .asset(let asset) = reference.target, case .label(let kind, let name, _) = asset.target else {
            return []
        }
        let container = kind.containerID(name: name, in: workspace)
        let version = apiVersions.assets(kind)
        let requests: [ARMRequest]
        if kind == .data {
            let latest = Placeholder.latestVersion(kind: kind, name: name)
            requests = [
                ARMRequest(method: "GET", path: container, apiVersion: version),
                ARMRequest(
                    method: "GET",
                    path: container + "/versions/" + (state.values[latest] ?? latest.description),
                    apiVersion: version),
            ]
        } else {
            requests = [
                ARMRequest(
                    method: "GET", path: container + "/versions", apiVersion: version,
                    query: [.init("$orderBy", "createdtime desc"), .init("$top", "1")])
            ]
        }
        return requests.map { RenderedRequest(content: .arm($0), source: reference.source) }
    }
}
