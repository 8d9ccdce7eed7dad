import Foundation
import Testing
import WorkspaceClient

@Suite struct ClientSecretCredentialTests {
    @Test func exchangesTheSecretAtTheTenantsTokenEndpoint() async throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
            let token = try await withHTTP { http in
                try await ClientSecretCredential(
                    tenantID: "tenant-1", clientID: "app-1", clientSecret: "s&cret=1",
                    cloud: AzureCloud(
                        authorityHost: server.url + "/", resourceManager: "https://management.azure.com/"),
                    transport: testTransport(http, now: { now })
                ).requestToken()
            }
            #expect(token == AccessToken(token: "secret-s&cret=1", expiresOn: now.addingTimeInterval(3599)))
            let request = try #require(server.requests.first)
            #expect(request.path == "/tenant-1/oauth2/v2.0/token")
            #expect(request.parameter("grant_type", inBody: true) == "client_credentials")
            #expect(request.parameter("client_id", inBody: true) == "app-1")
            #expect(request.parameter("scope", inBody: true) == "https://management.azure.com/.default")
            #expect(request.text.contains("client_secret=s%26cret%3D1"))
        }
    }

    @Test func aRefusedSecretReadsLikeEntraIDsError() async throws {
        try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
            let error = try await withHTTP { http in
                await #expect(throws: WorkspaceClientError.self) {
                    try await ClientSecretCredential(
                        tenantID: "t", clientID: "c", clientSecret: "bad",
                        cloud: AzureCloud(authorityHost: server.url, resourceManager: "https://management.azure.com"),
                        transport: testTransport(http)
                    ).requestToken()
                }
            }
            #expect(
                error?.description
                    == "EnvironmentCredential: invalid_client: AADSTS7000215: Invalid client secret provided.")
            #expect(error?.serviceCode == "invalid_client")
            #expect(error?.httpStatus == 401)
            #expect(error?.isCredentialUnavailable == false)
        }
    }

    @Test func sovereignCloudsChangeTheScopeAndTheAuthorityMustBeSecure() async throws {
        try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
            try await withHTTP { http in
                let cloud = AzureCloud(
                    environment: [
                        "AZURE_AUTHORITY_HOST": server.url,
                        "AZURE_RESOURCE_MANAGER_ENDPOINT": "https://management.usgovcloudapi.net/",
                    ])
                #expect(cloud.scope == "https://management.usgovcloudapi.net/.default")
                _ = try await ClientSecretCredential(
                    tenantID: "t", clientID: "c", clientSecret: "s", cloud: cloud, transport: testTransport(http)
                ).requestToken()
                let insecure = ClientSecretCredential(
                    tenantID: "t", clientID: "c", clientSecret: "s",
                    cloud: AzureCloud(authorityHost: "http://login.example", resourceManager: "x"),
                    transport: testTransport(http))
                await #expect(
                    throws: WorkspaceClientError.authenticationFailed(
                        "EnvironmentCredential",
                        "the authority host 'http://login.example' must be an https URL (AZURE_AUTHORITY_HOST)")
                ) { try await insecure.requestToken() }
                let badTenant = ClientSecretCredential(
                    tenantID: "../x", clientID: "c", clientSecret: "s", cloud: cloud, transport: testTransport(http))
                await #expect(
                    throws: WorkspaceClientError.authenticationFailed(
                        "EnvironmentCredential",
                        "'../x' is not a valid tenant id (AZURE_TENANT_ID): use letters, digits, '-' and '.'")
                ) { try await badTenant.requestToken() }
            }
            #expect(server.requests.count == 1)
            #expect(
                server.requests[0].parameter("scope", inBody: true) == "https://management.usgovcloudapi.net/.default")
        }
        #expect(AzureCloud(environment: [:]) == .publicCloud)
    }

    @Test func neverShowsTheSecret() async throws {
        try await withHTTP { http in
            let credential = ClientSecretCredential(
                tenantID: "t", clientID: "c", clientSecret: "s3cr3t", cloud: .publicCloud,
                transport: testTransport(http))
            #expect("\(credential)" == "ClientSecretCredential(tenant: t, client: c, secret: <redacted>)")
            var dumped = ""
            dump(credential, to: &dumped)
            #expect(!dumped.contains("s3cr3t"))
        }
    }
}
