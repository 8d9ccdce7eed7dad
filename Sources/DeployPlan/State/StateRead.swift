public import AzureML

/// One GET a plan sends to learn the workspace's state, and how its answer is fingerprinted. A saved plan records
/// every read with the fingerprint of its answer, so that applying it later can send the same reads and prove
/// nothing changed.
public struct StateRead: Sendable, Hashable {
    /// What the read returns, which decides how it is fingerprinted.
    public enum Shape: String, Sendable, Hashable {
        /// One resource (an asset version, a compute, a job): its properties without the members the service
        /// changes on its own (`ResourceKind.serverProperties`), its tags and location.
        case resource
        /// An asset container: its properties, `latestVersion` and `nextVersion` included.
        case container
        /// A list (the code hash lookup, the newest version of an environment): the ids it returns, in order.
        case list
        /// The workspace itself: its location.
        case workspace
    }

    /// The path below the workspace id (empty for the workspace itself).
    public var path: String
    /// The `api-version`.
    public var apiVersion: String
    /// Other query parameters, in order.
    public var query: [ARMRequest.QueryItem]
    /// What the read returns.
    public var shape: Shape
    /// The kind of resource read, when it is one `deploy` manages (its server-set members are not fingerprinted).
    public var kind: ResourceKind?

    /// A read.
    public init(
        path: String, apiVersion: String, query: [ARMRequest.QueryItem] = [], shape: Shape, kind: ResourceKind? = nil
    ) {
        self.path = path
        self.apiVersion = apiVersion
        self.query = query
        self.shape = shape
        self.kind = kind
    }

    /// The GET request.
    public var request: ARMRequest {
        ARMRequest(method: "GET", path: path, apiVersion: apiVersion, query: query)
    }

    /// `GET /environments/e/versions/1`, with the query when there is one.
    public var description: String {
        let query = query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return "GET \(path.isEmpty ? "(the workspace)" : path)" + (query.isEmpty ? "" : "?\(query)")
    }
}
