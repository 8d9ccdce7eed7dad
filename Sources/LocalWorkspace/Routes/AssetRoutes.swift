import AzureML
import Hummingbird

/// Environments, data and codes: containers (GET, list) and versions (PUT, GET, list), the code hash lookup and
/// `startPendingUpload`.
struct AssetRoutes: Sendable {
    let kind: ResourceKind
    let services: WorkspaceServices

    func register(on workspace: RouterGroup<WorkspaceRequestContext>) {
        let collection = kind.collection
        workspace.get(RouterPath(collection), use: listContainers)
        workspace.get(RouterPath("\(collection)/:name"), use: getContainer)
        workspace.get(RouterPath("\(collection)/:name/versions"), use: listVersions)
        workspace.get(RouterPath("\(collection)/:name/versions/:version"), use: getVersion)
        workspace.put(RouterPath("\(collection)/:name/versions/:version"), use: putVersion)
        if kind == .code {
            workspace.post(
                RouterPath("\(collection)/:name/versions/:version/startPendingUpload"), use: startPendingUpload)
        }
    }

    // MARK: Containers

    @Sendable func listContainers(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let list = try ListQuery(query)
        let records = try await services.store.resources(kind)
        var groups: [String: [ResourceRecord]] = [:]
        var order: [String] = []
        for record in records {
            if groups[record.name] == nil { order.append(record.name) }
            groups[record.name, default: []].append(record)
        }
        let containers = order.compactMap { name -> JSONValue? in
            let versions = groups[name]!
            let active = versions.contains { !$0.isArchived }
            guard list.viewType.includes(isArchived: !active) else { return nil }
            return containerJSON(name: name, versions: versions)
        }
        let page = list.page(containers, url: services.baseURL(request) + request.uri.path, query: query)
        return JSONResponse.make(status: .ok, json: Self.pageJSON(page))
    }

    @Sendable func getContainer(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let versions = try await services.store.resources(kind, name: name)
        guard !versions.isEmpty else { throw ARMError.notFound(ResourceID(kind: kind, name: name)) }
        return JSONResponse.make(status: .ok, json: containerJSON(name: name, versions: versions))
    }

    /// A container as the service reports it: `latestVersion` is the most recently created version, `nextVersion`
    /// one more than the highest integer version ("1" when there is none).
    private func containerJSON(name: String, versions: [ResourceRecord]) -> JSONValue {
        let latest = versions.max { ($0.id ?? 0) < ($1.id ?? 0) }!
        let highest = versions.compactMap { Int($0.version) }.max() ?? 0
        let properties = AssetContainerProperties(
            latestVersion: latest.version, nextVersion: String(highest + 1), description: nil, tags: [:],
            properties: [:], isArchived: !versions.contains { !$0.isArchived }, provisioningState: "Succeeded")
        let first = versions.min { ($0.id ?? 0) < ($1.id ?? 0) }!
        let systemData = SystemData(
            createdAt: first.createdAt, createdBy: LocalWorkspaceServer.user, createdByType: "User",
            lastModifiedAt: versions.map(\.lastModifiedAt).max(), lastModifiedBy: LocalWorkspaceServer.user,
            lastModifiedByType: "User")
        let resource = ResourceID(kind: kind, name: name)
        return ARMResource(
            id: WorkspaceServices.armID(resource), name: name, type: kind.containerARMType,
            properties: properties.json.objectValue ?? [:], systemData: systemData
        ).json
    }

    // MARK: Versions

    @Sendable func listVersions(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let query = QueryParameters(request.uri.query)
        let list = try ListQuery(query)
        var records: [ResourceRecord]
        if kind == .code, let hash = query["hash"] {
            // The hash lookup matches code versions of any name (azureml-rest.md §4.4).
            var hashVersion: Int?
            if let text = query["hashVersion"] {
                guard let value = Int(text) else {
                    throw ARMError.userError("hashVersion must be an integer, found '\(text)'.", target: "hashVersion")
                }
                hashVersion = value
            }
            records = try await services.store.codeVersions(hash: hash, hashVersion: hashVersion)
        } else {
            records = try await services.store.resources(kind, name: name)
        }
        records = records.filter { list.viewType.includes(isArchived: $0.isArchived) }
        let page = list.page(records, url: services.baseURL(request) + request.uri.path, query: query)
        return JSONResponse.make(
            status: .ok, json: Self.pageJSON((page.items.map(versionJSON), page.nextLink)))
    }

    @Sendable func getVersion(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = try versionID(context)
        guard let record = try await services.store.resource(resource) else { throw ARMError.notFound(resource) }
        return JSONResponse.make(status: .ok, json: versionJSON(record))
    }

    @Sendable func putVersion(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = try versionID(context)
        try ResourceName.validate(resource.name, what: "name")
        try ResourceName.validate(resource.version ?? "", what: "version")
        let body = try await WorkspaceServices.jsonBody(request, context: context)
        var properties = try WorkspaceServices.properties(of: body)
        do {
            switch kind {
            case .environment: _ = try EnvironmentVersionProperties(json: .object(properties))
            case .data: _ = try DataVersionProperties(json: .object(properties))
            case .code: _ = try CodeVersionProperties(json: .object(properties))
            default: break
            }
        } catch {
            throw ARMError.invalidBody(error)
        }
        for key in kind.serverProperties { properties[key] = nil }
        let result = try await services.store.put(resource, properties: properties)
        let status: HTTPResponse.Status = if case .created = result { .created } else { .ok }
        return JSONResponse.make(status: status, json: versionJSON(result.record))
    }

    private func versionID(_ context: WorkspaceRequestContext) throws -> ResourceID {
        ResourceID(
            kind: kind, name: try context.parameters.require("name"),
            version: try context.parameters.require("version"))
    }

    /// A version as the service reports it: the stored properties plus `provisioningState` (and
    /// `environmentType` for environments).
    private func versionJSON(_ record: ResourceRecord) -> JSONValue {
        var properties = record.propertiesObject
        if kind == .environment {
            properties["environmentType"] = .string(record.name.hasPrefix("AzureML-") ? "Curated" : "UserCreated")
        }
        properties["provisioningState"] = "Succeeded"
        let resource = ResourceID(kind: kind, name: record.name, version: record.version)
        return ARMResource(
            id: WorkspaceServices.armID(resource), name: record.version, type: kind.armType, properties: properties,
            systemData: WorkspaceServices.systemData(record)
        ).json
    }

    // MARK: Uploads

    /// Creates a temporary container and answers its URL with a container SAS (read, add, create, write, delete,
    /// list) valid for the configured lifetime. Each call gets a new container: the service's "CreateOrGet"
    /// reuse of a pending upload for the same version is not reproduced.
    @Sendable func startPendingUpload(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = try versionID(context)
        try ResourceName.validate(resource.name, what: "name")
        try ResourceName.validate(resource.version ?? "", what: "version")
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        if buffer.readableBytes > 0 {
            let body = try WorkspaceServices.parseJSON(buffer)
            do {
                let reader = try WireReader(body, path: "")
                _ = try reader.enumString("pendingUploadType", ["TemporaryBlobReference", "None"])
            } catch {
                throw ARMError.invalidBody(error)
            }
        }
        let container = "pending-" + RandomToken.hex(RandomToken.bytes(16))
        try await services.blobs.createContainer(container, isTemporary: true)
        let blobURI = services.accountURL(request) + "/" + container
        let token = services.signer.token(
            container: container, permissions: "racwdl",
            expiry: Timestamp.now() + services.options.sasLifetime)
        let upload = PendingUpload(
            blobUri: blobURI, storageAccountArmId: LocalWorkspaceServer.storageAccountARMID,
            sasUri: blobURI + "?" + token, pendingUploadId: RandomToken.uuid())
        return JSONResponse.make(status: .ok, json: upload.json)
    }

    static func pageJSON(_ page: (items: [JSONValue], nextLink: String?)) -> JSONValue {
        var object: JSONObject = ["value": .array(page.items)]
        if let nextLink = page.nextLink { object["nextLink"] = .string(nextLink) }
        return .object(object)
    }
}
