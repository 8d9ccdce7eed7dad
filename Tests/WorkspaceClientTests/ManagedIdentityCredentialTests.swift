import AzureML
import Foundation
import Testing
import WorkspaceClient

@Suite struct ManagedIdentityCredentialTests {
    private static func imds(_ request: RecordedRequest) -> TestResponse {
        guard request.header("Metadata") == "true" || request.header("X-IDENTITY-HEADER") == "app-secret" else {
            return .json(
                400, #"{"error": "invalid_request", "error_description": "Required metadata header not specified"}"#)
        }
        if request.parameter("client_id") == "unknown" {
            return .json(400, #"{"error": "invalid_request", "error_description": "Identity not found"}"#)
        }
        return .json(
            200,
            #"{"access_token": "mi-token", "expires_on": "1800000000", "expires_in": "3599", "resource": "\#(request.parameter("resource") ?? "")", "token_type": "Bearer"}"#
        )
    }

    @Test func asksIMDSWithTheMetadataHeader() async throws {
        try await TestHTTPServer.run({ Self.imds($0) }) { server in
            let endpoint = ManagedIdentityCredential.endpoint(environment: [
                "AZURE_POD_IDENTITY_AUTHORITY_HOST": server.url + "/"
            ])
            #expect(endpoint == .imds(host: server.url))
            let token = try await withHTTP { http in
                try await ManagedIdentityCredential(
                    endpoint: endpoint, clientID: "user-assigned", cloud: .publicCloud, transport: testTransport(http)
                ).requestToken()
            }
            #expect(token == AccessToken(token: "mi-token", expiresOn: Date(timeIntervalSince1970: 1_800_000_000)))
            let request = try #require(server.requests.first)
            #expect(request.path == "/metadata/identity/oauth2/token")
            #expect(request.parameter("api-version") == "2018-02-01")
            #expect(request.parameter("resource") == "https://management.azure.com")
            #expect(request.parameter("client_id") == "user-assigned")
        }
        #expect(ManagedIdentityCredential.endpoint(environment: [:]) == .imds(host: "http://169.254.169.254"))
    }

    @Test func usesAppServicesEndpointWhenItIsSet() async throws {
        try await TestHTTPServer.run({ Self.imds($0) }) { server in
            let endpoint = ManagedIdentityCredential.endpoint(
                environment: ["IDENTITY_ENDPOINT": server.url + "/msi/token", "IDENTITY_HEADER": "app-secret"])
            let credential = try await withHTTP { http in
                let credential = ManagedIdentityCredential(
                    endpoint: endpoint, clientID: nil, cloud: .publicCloud, transport: testTransport(http))
                _ = try await credential.requestToken()
                return "\(credential)"
            }
            #expect(credential == "ManagedIdentityCredential(App Service identity endpoint \(server.url)/msi/token)")
            let request = try #require(server.requests.first)
            #expect(request.path == "/msi/token")
            #expect(request.parameter("api-version") == "2019-08-01")
            #expect(request.parameter("client_id") == nil)
        }
    }

    @Test func noIdentityOrNoEndpointMakesItUnavailable() async throws {
        try await TestHTTPServer.run({ Self.imds($0) }) { server in
            await #expect(
                throws: WorkspaceClientError.credentialUnavailable(
                    "ManagedIdentityCredential", "no managed identity is available: invalid_request: Identity not found"
                )
            ) {
                try await withHTTP { http in
                    try await ManagedIdentityCredential(
                        endpoint: .imds(host: server.url), clientID: "unknown", cloud: .publicCloud,
                        transport: testTransport(http)
                    ).requestToken()
                }
            }
        }
        try await TestHTTPServer.run({ _ in .text(404, "<html>Not Found</html>") }) { otherCloud in
            await #expect(
                throws: WorkspaceClientError.credentialUnavailable(
                    "ManagedIdentityCredential",
                    "no managed identity is available: GET \(otherCloud.url)/metadata/identity/oauth2/token answered HTTP 404"
                )
            ) {
                try await withHTTP { http in
                    try await ManagedIdentityCredential(
                        endpoint: .imds(host: otherCloud.url), clientID: nil, cloud: .publicCloud,
                        transport: testTransport(http)
                    ).requestToken()
                }
            }
        }
        let port = try await closedPort()
        let error = try await withHTTP { http in
            await #expect(throws: WorkspaceClientError.self) {
                try await ManagedIdentityCredential(
                    endpoint: .imds(host: "http://127.0.0.1:\(port)"), clientID: nil, cloud: .publicCloud,
                    transport: CredentialTransport(httpClient: http, timeout: 0.3, retryPolicy: .none)
                ).requestToken()
            }
        }
        #expect(error?.isCredentialUnavailable == true)
        #expect(
            error?.description.hasPrefix("ManagedIdentityCredential: no answer from IMDS at http://127.0.0.1:\(port) (")
                == true)
    }
}
