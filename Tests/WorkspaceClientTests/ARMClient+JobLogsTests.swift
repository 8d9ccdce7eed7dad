import AzureML
import Testing
import WorkspaceClient

@Suite struct ARMClientJobLogsTests {
    @Test func readsAChunkOfTheLogWithItsHeaders() async throws {
        try await TestHTTPServer.run({ request in
            if request.uri.contains("/jobs/missing/") {
                return .json(404, #"{"error": {"code": "NotFound", "message": "job missing not found"}}"#)
            }
            if request.uri.contains("/jobs/azure/") {
                return .json(200, #"{"id": "x"}"#)
            }
            return .text(
                200, "two\n",
                headers: [
                    Header("x-deploy-log-next-offset", "8"), Header("x-deploy-job-status", "Completed"),
                    Header("x-deploy-log-complete", "true"),
                ])
        }) { server in
            try await withTestClient(testConfiguration(server.url)) { client in
                let chunk = try await client.jobLog("talk", from: 4)
                #expect(
                    chunk == JobLogChunk(bytes: Array("two\n".utf8), nextOffset: 8, status: "Completed", complete: true)
                )
                let uri = try #require(server.requests.first?.uri)
                #expect(uri == "\(workspacePath)/jobs/talk/logs?api-version=\(APIVersion.jobs)&offset=4")
                await #expect {
                    _ = try await client.jobLog("missing", from: 0)
                } throws: { error in
                    "\(error)".hasSuffix("HTTP 404 NotFound: job missing not found")
                }
                await #expect {
                    _ = try await client.jobLog("azure", from: 0)
                } throws: { error in
                    "\(error)".hasSuffix("the workspace does not stream job logs (only the local workspace does)")
                }
            }
        }
    }
}
