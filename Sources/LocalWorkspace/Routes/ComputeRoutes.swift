import AzureML
import GRDB
import HTTPTypes
import Hummingbird

/// Computes: PUT is an asynchronous operation as in Azure (201 with `Azure-AsyncOperation`, `Location` and
/// `Retry-After`; `provisioningState` goes from `Creating` to `Succeeded` after the configured provisioning delay),
/// GET, list, and DELETE (202, the compute reports `Deleting` until the delay has passed, then it is gone).
struct ComputeRoutes: Sendable {
    let services: WorkspaceServices

    func register(on workspace: RouterGroup<WorkspaceRequestContext>) {
        workspace.get("computes", use: list)
        workspace.get("computes/:name", use: get)
        workspace.put("computes/:name", use: put)
        workspace.delete("computes/:name", use: delete)
    }

    @Sendable func list(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let list = try ListQuery(query)
        let records = try await services.store.resources(.compute)
        let page = list.page(records.map(Self.json), url: services.baseURL(request) + request.uri.path, query: query)
        return JSONResponse.make(status: .ok, json: AssetRoutes.pageJSON(page))
    }

    @Sendable func get(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = ResourceID(kind: .compute, name: try context.parameters.require("name"))
        guard let record = try await services.store.resource(resource) else { throw ARMError.notFound(resource) }
        return JSONResponse.make(status: .ok, json: Self.json(record))
    }

    @Sendable func put(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = ResourceID(kind: .compute, name: try context.parameters.require("name"))
        try ResourceName.validate(resource.name, what: "name")
        let body = try await WorkspaceServices.jsonBody(request, context: context)
        var properties = try WorkspaceServices.properties(of: body)
        var envelope = JSONObject()
        do {
            _ = try ComputeProperties(json: .object(properties))
            let reader = try WireReader(body, path: "")
            envelope["location"] = .string(try reader.string("location") ?? LocalWorkspaceServer.location)
            if let tags = try reader.object("tags") {
                _ = try reader.stringMap("tags")
                envelope["tags"] = .object(tags.object)
            }
            if let identity = try reader.object("identity") { envelope["identity"] = .object(identity.object) }
            if let sku = try reader.object("sku") { envelope["sku"] = .object(sku.object) }
        } catch {
            throw ARMError.invalidBody(error)
        }
        for key in ResourceKind.compute.serverProperties { properties[key] = nil }
        try await services.store.settleComputes()
        let result = try await services.store.put(
            resource, properties: properties, envelope: envelope, state: "Creating",
            stateChangesAt: Timestamp.now() + services.options.provisioningDelay
        ) { db in
            let existing = try ResourceRecord.filter(key: WorkspaceStore.key(resource)).fetchOne(db)
            if existing?.state == "Deleting" {
                throw ARMError.conflict("The compute '\(resource.name)' is being deleted.", target: "name")
            }
        }
        guard case .created(let record) = result else {
            return JSONResponse.make(status: .ok, json: Self.json(result.record))
        }
        let operation = try await services.store.createOperation(.computeCreate, for: record)
        let headers = OperationRoutes.headers(for: operation, request: request, services: services)
        return JSONResponse.make(status: .created, json: Self.json(record), headers: headers)
    }

    /// Deleting a missing compute answers 204, as ARM does.
    @Sendable func delete(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        if let action = QueryParameters(request.uri.query)["underlyingResourceAction"],
            !["delete", "detach"].contains(action.lowercased())
        {
            throw ARMError.userError(
                "underlyingResourceAction '\(action)' is not one of 'Delete', 'Detach'.",
                target: "underlyingResourceAction")
        }
        guard
            let operation = try await services.store.deleteCompute(
                name: name, at: Timestamp.now() + services.options.provisioningDelay)
        else { return Response(status: .noContent) }
        let headers = OperationRoutes.headers(for: operation, request: request, services: services)
        return Response(status: .accepted, headers: headers)
    }

    /// A compute as the service reports it: the stored properties plus `provisioningState` and timestamps.
    static func json(_ record: ResourceRecord) -> JSONValue {
        var properties = record.propertiesObject
        properties["provisioningState"] = .string(record.state ?? "Succeeded")
        properties["createdOn"] = .string(record.createdAt)
        properties["modifiedOn"] = .string(record.lastModifiedAt)
        properties["isAttachedCompute"] = false
        let envelope = record.envelopeObject
        var json = ARMResource(
            id: WorkspaceServices.armID(ResourceID(kind: .compute, name: record.name)), name: record.name,
            type: ResourceKind.compute.armType, properties: properties,
            systemData: WorkspaceServices.systemData(record),
            location: envelope["location"]?.stringValue ?? LocalWorkspaceServer.location,
            tags: envelope["tags"]?.objectValue.map { tags in
                Dictionary(uniqueKeysWithValues: tags.compactMap { key, value in value.stringValue.map { (key, $0) } })
            }
        ).json.objectValue!
        if let identity = envelope["identity"] { json["identity"] = identity }
        if let sku = envelope["sku"] { json["sku"] = sku }
        return .object(json)
    }
}
