public import AzureML

extension ARMClient {
    /// Reads the log of the job `name` from byte `offset` through the local workspace's log route
    /// (`GET {WS}/jobs/{name}/logs?offset=N`, see `JobLogChunk`). Azure ML does not serve that route: an answer
    /// without its headers throws `invalidResponse` saying the workspace does not stream job logs; an ARM error
    /// (a missing job) throws `invalidResponse` with the server's code and message.
    public func jobLog(_ name: String, from offset: Int64) async throws -> JobLogChunk {
        let request = ARMRequest(
            method: "GET", path: "/jobs/\(name)/logs", apiVersion: APIVersion.jobs,
            query: [ARMRequest.QueryItem("offset", String(offset))], headers: [Header("Accept", "text/plain")])
        let (incoming, described) = try await perform(request)
        guard (200..<300).contains(incoming.status) else {
            let error = try Self.armResponse(incoming, described: described).armError?.error
            let detail = [error?.code, error?.message].compactMap { $0 }.joined(separator: ": ")
            throw WorkspaceClientError.invalidResponse(
                described, "HTTP \(incoming.status)" + (detail.isEmpty ? "" : " " + detail))
        }
        guard let chunk = JobLogChunk(headers: incoming.headers, body: incoming.body) else {
            throw WorkspaceClientError.invalidResponse(
                described, "the workspace does not stream job logs (only the local workspace does)")
        }
        return chunk
    }
}
