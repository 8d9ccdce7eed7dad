import AzureML
import Hummingbird

/// Datastores: the default `workspaceblobstore` (GET, list) and `listSecrets`, which answers a container SAS.
///
/// The datastore's `endpoint` is the full account URL on this server (`http://HOST:PORT/blob/local`), computed
/// from the address the client used; clients treat an `endpoint` starting with `http(s)://` as the account URL.
struct DatastoreRoutes: Sendable {
    let services: WorkspaceServices

    func register(on workspace: RouterGroup<WorkspaceRequestContext>) {
        workspace.get("datastores", use: list)
        workspace.get("datastores/:name", use: get)
        workspace.post("datastores/:name/listSecrets", use: listSecrets)
    }

    @Sendable func list(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let list = try ListQuery(query)
        let records = try await services.store.resources(.datastore)
        let page = list.page(
            records.map { json($0, request: request) }, url: services.baseURL(request) + request.uri.path,
            query: query)
        return JSONResponse.make(status: .ok, json: AssetRoutes.pageJSON(page))
    }

    @Sendable func get(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let record = try await datastore(context)
        return JSONResponse.make(status: .ok, json: json(record, request: request))
    }

    /// `{"secretsType": "Sas", "sasToken": "<container SAS>"}`; the body may ask for an expiry
    /// (`{"expirableSecret": true, "expireAfterHours": 1}`, as the SDK sends), otherwise the token lives for the
    /// configured SAS lifetime.
    @Sendable func listSecrets(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let record = try await datastore(context)
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        var lifetime = services.options.sasLifetime
        if buffer.readableBytes > 0 {
            let body = try WorkspaceServices.parseJSON(buffer)
            do throws(AzureMLError) {
                let reader = try WireReader(body, path: "")
                _ = try reader.bool("expirableSecret")
                if let hours = try reader.int("expireAfterHours") {
                    guard hours > 0 else {
                        throw AzureMLError.invalidBody("must be a positive number of hours", field: "expireAfterHours")
                    }
                    lifetime = Double(hours) * 3_600
                }
            } catch {
                throw ARMError.invalidBody(error)
            }
        }
        let properties = try DatastoreProperties(json: .object(record.propertiesObject))
        guard let container = properties.containerName else {
            throw ARMError.userError("The datastore '\(record.name)' has no container.")
        }
        let token = services.signer.token(
            container: container, permissions: "racwdl", expiry: Timestamp.now() + lifetime)
        return JSONResponse.make(status: .ok, json: DatastoreSecrets(secretsType: "Sas", sasToken: token).json)
    }

    private func datastore(_ context: WorkspaceRequestContext) async throws -> ResourceRecord {
        let resource = ResourceID(kind: .datastore, name: try context.parameters.require("name"))
        guard let record = try await services.store.resource(resource) else { throw ARMError.notFound(resource) }
        return record
    }

    private func json(_ record: ResourceRecord, request: Request) -> JSONValue {
        var properties = record.propertiesObject
        properties["endpoint"] = .string(services.accountURL(request))
        let resource = ResourceID(kind: .datastore, name: record.name)
        return ARMResource(
            id: WorkspaceServices.armID(resource), name: record.name, type: ResourceKind.datastore.armType,
            properties: properties, systemData: WorkspaceServices.systemData(record)
        ).json
    }
}
