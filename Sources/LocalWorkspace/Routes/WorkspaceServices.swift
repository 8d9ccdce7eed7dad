import AzureML
import Hummingbird

/// What every route needs: the store, the blob files, the SAS signer, the options, the job events, the workspace
/// directory and the MLflow tracking store.
struct WorkspaceServices: Sendable {
    let store: WorkspaceStore
    let blobs: BlobStore
    let signer: SharedAccessSignature
    let options: LocalWorkspaceOptions
    let jobEvents: JobEvents
    /// The workspace directory (job logs live under `runs/`).
    let directory: String
    let mlflow: MLflowStore

    /// `http://<host>:<port>` as the client reached the server (its `Host` header), for links in bodies.
    func baseURL(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "127.0.0.1")
    }

    /// The blob account URL, `http://<host>:<port>/blob/local`.
    func accountURL(_ request: Request) -> String {
        baseURL(request) + BlobRoutes.prefix + "/" + LocalWorkspaceServer.storageAccount
    }

    /// The ARM id of a workspace resource.
    static func armID(_ resource: ResourceID) -> String {
        LocalWorkspaceServer.workspace.id(of: resource)
    }

    /// `systemData` of a stored resource.
    static func systemData(_ record: ResourceRecord) -> SystemData {
        SystemData(
            createdAt: record.createdAt, createdBy: LocalWorkspaceServer.user, createdByType: "User",
            lastModifiedAt: record.lastModifiedAt, lastModifiedBy: LocalWorkspaceServer.user,
            lastModifiedByType: "User")
    }

    /// Reads a JSON request body (at most the context's upload limit).
    static func jsonBody(_ request: Request, context: WorkspaceRequestContext) async throws -> JSONValue {
        var request = request
        return try parseJSON(try await request.collectBody(upTo: context.maxUploadSize))
    }

    /// Parses a JSON body, answering 400 `InvalidRequestContent` when it is not JSON.
    static func parseJSON(_ buffer: ByteBuffer) throws(ARMError) -> JSONValue {
        do {
            return try JSONValue(parsing: buffer.readableBytesView)
        } catch {
            throw ARMError(
                .badRequest, code: "InvalidRequestContent",
                message: "The request content was invalid and could not be deserialized: \(error.description).")
        }
    }

    /// The `properties` object of an ARM request body, which must be `{"properties": {...}, ...}`.
    static func properties(of body: JSONValue) throws(ARMError) -> JSONObject {
        do throws(AzureMLError) {
            let reader = try WireReader(body, path: "")
            guard let properties = try reader.object("properties") else { throw reader.missing("properties") }
            return properties.object
        } catch {
            throw .invalidBody(error)
        }
    }
}
