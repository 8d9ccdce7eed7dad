import Foundation
import Testing
import WorkspaceClient

@Suite struct WorkloadIdentityCredentialTests {
    @Test func exchangesTheFederatedTokenReadAfreshEachTime() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/azure-identity-token"
            try writeFile(file, Array("assertion-1\n".utf8))
            try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
                let tokens = try await withHTTP { http in
                    let credential = WorkloadIdentityCredential(
                        tenantID: "tenant-2", clientID: "app-2", tokenFile: file,
                        cloud: AzureCloud(authorityHost: server.url, resourceManager: "https://management.azure.com"),
                        transport: testTransport(http))
                    let first = try await credential.requestToken()
                    try writeFile(file, Array("assertion-2".utf8))
                    return [first, try await credential.requestToken()].map(\.token)
                }
                #expect(tokens == ["federated-assertion-1", "federated-assertion-2"])
                let request = try #require(server.requests.first)
                #expect(request.path == "/tenant-2/oauth2/v2.0/token")
                #expect(
                    request.parameter("client_assertion_type", inBody: true)
                        == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                #expect(request.parameter("client_id", inBody: true) == "app-2")
                #expect(request.parameter("grant_type", inBody: true) == "client_credentials")
                #expect(request.parameter("scope", inBody: true) == "https://management.azure.com/.default")
                #expect(request.parameter("client_secret", inBody: true) == nil)
            }
        }
    }

    @Test func anUnreadableTokenFileIsAnError() async throws {
        try await withHTTP { http in
            let credential = WorkloadIdentityCredential(
                tenantID: "t", clientID: "c", tokenFile: "/nonexistent/token", cloud: .publicCloud,
                transport: testTransport(http))
            await #expect(
                throws: WorkspaceClientError.authenticationFailed(
                    "WorkloadIdentityCredential",
                    "cannot read the federated token file /nonexistent/token (AZURE_FEDERATED_TOKEN_FILE)")
            ) { try await credential.requestToken() }
        }
    }
}
