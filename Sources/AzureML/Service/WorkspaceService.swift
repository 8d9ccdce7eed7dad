/// What `deploy` needs from a workspace: ARM requests and blob requests. The HTTP client in `WorkspaceClient`
/// implements it for Azure and for the local workspace alike; planning and applying use only this protocol.
public protocol WorkspaceService: Sendable {
    /// The workspace the requests go to.
    var workspace: WorkspaceID { get }

    /// Sends an ARM request and returns the response, whatever its status. Implementations retry transient
    /// failures (408, 429, 5xx, connection errors) as their `RetryPolicy` says; they throw only when the request
    /// could not be completed.
    func send(_ request: ARMRequest) async throws -> ARMResponse

    /// Sends a blob request and returns the response, whatever its status, retrying transient failures.
    func send(_ request: BlobRequest) async throws -> BlobResponse
}
