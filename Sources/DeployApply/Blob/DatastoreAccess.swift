import AzureML

/// Access to the datastores an apply uploads to or reads through, fetched once per datastore and apply (GET of the
/// datastore, then `listSecrets`, as the SDK does before each upload), shared by every change that needs it.
actor DatastoreAccess {
    /// Where a datastore's files go and how requests there are authorized.
    struct Access: Sendable {
        /// The container URL with the SAS query, when the secrets are a SAS token.
        var container: BlobURL
        /// The SAS in the URL, or the account key.
        var authorization: BlobAuthorization
        /// The container URL without credentials: what bodies point at.
        var plainContainer: String
    }

    private let service: any WorkspaceService
    private var fetches: [String: Task<Access, any Error>] = [:]

    init(service: any WorkspaceService) {
        self.service = service
    }

    /// The access to datastore `name`; concurrent callers share one fetch, and a failed fetch is tried again by the
    /// next caller.
    func access(_ name: String) async throws -> Access {
        if let fetch = fetches[name] { return try await fetch.value }
        let service = service
        let fetch = Task { try await Self.fetch(name, service: service) }
        fetches[name] = fetch
        do {
            return try await fetch.value
        } catch {
            fetches[name] = nil
            throw error
        }
    }

    /// GET the datastore, then its secrets: a SAS token goes into the container URL, an account key signs requests.
    private static func fetch(_ name: String, service: any WorkspaceService) async throws -> Access {
        let path = "/datastores/\(name)"
        guard let resource = try await service.getResource(path, apiVersion: APIVersion.datastores) else {
            throw ApplyError.unresolved("datastore \(name) does not exist in the workspace")
        }
        let properties = try DatastoreProperties(json: .object(resource.properties))
        guard properties.datastoreType == "AzureBlob", let container = properties.containerURL else {
            throw ApplyError.unresolved(
                "datastore \(name) is not an Azure Blob datastore with an account and a container "
                    + "(type \(properties.datastoreType))")
        }
        if let type = properties.credentialsType, type.lowercased() == "none" {
            throw ApplyError.unresolved(
                "datastore \(name) uses identity-based access; deploy uploads only to datastores with an account key "
                    + "or a SAS token")
        }
        let response = try await service.sendExpectingSuccess(
            ARMRequest(
                method: "POST", path: path + "/listSecrets", apiVersion: APIVersion.datastores,
                body: DatastoreSecrets.requestBody))
        guard let body = response.body else {
            throw ApplyError.unresolved("POST \(path)/listSecrets answered without a body")
        }
        let secrets = try DatastoreSecrets(json: body)
        if let token = secrets.sasToken, !token.isEmpty {
            let query = token.hasPrefix("?") ? String(token.dropFirst()) : token
            return Access(
                container: BlobURL(address: container.address, query: query), authorization: .sasInURL,
                plainContainer: container.string)
        }
        if let key = secrets.key, !key.isEmpty, let account = properties.accountName {
            return Access(
                container: container, authorization: .sharedKey(account: account, key: key),
                plainContainer: container.string)
        }
        throw ApplyError.unresolved(
            "datastore \(name): listSecrets returned \(secrets.secretsType) secrets without a SAS token or an account key"
        )
    }
}
