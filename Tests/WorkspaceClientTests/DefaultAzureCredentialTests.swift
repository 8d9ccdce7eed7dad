import AsyncHTTPClient
import Foundation
import Testing
import WorkspaceClient

@Suite struct DefaultAzureCredentialTests {
    /// Options for a chain whose managed identity endpoint is `imds` (via the environment) and whose CLI is `az`.
    private func options(_ http: HTTPClient, az: String) -> DefaultAzureCredential.Options {
        DefaultAzureCredential.Options(
            transport: testTransport(http), managedIdentityTimeout: 0.3, azureCLIExecutable: az)
    }

    @Test func reportsWhyEverySourceWasSkipped() async throws {
        let port = try await closedPort()
        try await withTemporaryDirectory { directory in
            try await withHTTP { http in
                let chain = DefaultAzureCredential(
                    environment: [
                        "AZURE_CLIENT_ID": "app", "AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:\(port)",
                    ],
                    options: options(http, az: directory + "/az"))
                #expect(
                    chain.sources.map(\.name) == [
                        "AZURE_ACCESS_TOKEN", "EnvironmentCredential", "WorkloadIdentityCredential",
                        "ManagedIdentityCredential", "AzureCliCredential",
                    ])
                let error = await #expect(throws: WorkspaceClientError.self) { try await chain.requestToken() }
                let lines = error?.description.split(separator: "\n").map(String.init) ?? []
                #expect(lines.count == 6)
                #expect(
                    Array(lines.prefix(4)) == [
                        "no Azure credential is available; tried, in order:",
                        "  - AZURE_ACCESS_TOKEN: not set",
                        "  - EnvironmentCredential: AZURE_TENANT_ID and AZURE_CLIENT_SECRET not set",
                        "  - WorkloadIdentityCredential: AZURE_FEDERATED_TOKEN_FILE and AZURE_TENANT_ID not set",
                    ])
                #expect(
                    lines[4].hasPrefix(
                        "  - ManagedIdentityCredential: no answer from IMDS at http://127.0.0.1:\(port) ("))
                #expect(lines[5] == "  - AzureCliCredential: the Azure CLI (`\(directory)/az`) was not found")
                #expect(error?.attempts.map(\.source).last == "AzureCliCredential")
                #expect(error?.isAuthentication == true)
            }
        }
    }

    @Test func theExplicitTokenComesFirst() async throws {
        try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
            let token = try await withHTTP { http in
                try await DefaultAzureCredential(
                    environment: [
                        "AZURE_ACCESS_TOKEN": "explicit", "AZURE_CLIENT_ID": "c", "AZURE_TENANT_ID": "t",
                        "AZURE_CLIENT_SECRET": "s", "AZURE_AUTHORITY_HOST": server.url,
                    ],
                    options: options(http, az: "/nonexistent/az")
                ).requestToken()
            }
            #expect(token.token == "explicit")
            #expect(server.requests.isEmpty)
        }
    }

    @Test func aSecretComesBeforeWorkloadIdentityWhichComesBeforeTheRest() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/federated", Array("fed".utf8))
            try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
                let environment = [
                    "AZURE_CLIENT_ID": "c", "AZURE_TENANT_ID": "t",
                    "AZURE_FEDERATED_TOKEN_FILE": directory + "/federated",
                    "AZURE_AUTHORITY_HOST": server.url,
                ]
                let tokens = try await withHTTP { http in
                    var withSecret = environment
                    withSecret["AZURE_CLIENT_SECRET"] = "s"
                    return [
                        try await DefaultAzureCredential(environment: withSecret, options: options(http, az: "/x/az"))
                            .requestToken().token,
                        try await DefaultAzureCredential(environment: environment, options: options(http, az: "/x/az"))
                            .requestToken().token,
                    ]
                }
                #expect(tokens == ["secret-s", "federated-fed"])
            }
        }
    }

    @Test func aRefusedSourceStopsTheChain() async throws {
        try await withTemporaryDirectory { directory in
            let az = try makeScript(directory, "az", "touch \"\(directory)/az-was-run\"; echo '{}'")
            try await TestHTTPServer.run({ TokenEndpoint.handle($0) }) { server in
                let error = try await withHTTP { http in
                    await #expect(throws: WorkspaceClientError.self) {
                        try await DefaultAzureCredential(
                            environment: [
                                "AZURE_CLIENT_ID": "c", "AZURE_TENANT_ID": "t", "AZURE_CLIENT_SECRET": "bad",
                                "AZURE_AUTHORITY_HOST": server.url,
                            ],
                            options: options(http, az: az)
                        ).requestToken()
                    }
                }
                #expect(
                    error?.description
                        == "Azure authentication failed; tried, in order:\n  - AZURE_ACCESS_TOKEN: not set\n"
                        + "  - EnvironmentCredential: invalid_client: AADSTS7000215: Invalid client secret provided.")
                #expect(error?.serviceCode == "invalid_client")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/az-was-run"))
        }
    }

    @Test func laterRequestsGoStraightToTheSourceThatWorked() async throws {
        try await withTemporaryDirectory { directory in
            let az = try makeScript(
                directory, "az",
                "echo run >> \"\(directory)/runs\"; echo '{\"accessToken\": \"cli\", \"expires_on\": 1893456000}'")
            try await TestHTTPServer.run({ _ in .json(400, #"{"error_description": "Identity not found"}"#) }) { imds in
                try await withHTTP { http in
                    let chain = DefaultAzureCredential(
                        environment: ["AZURE_POD_IDENTITY_AUTHORITY_HOST": imds.url], options: options(http, az: az))
                    let first = try await chain.requestToken()
                    let second = try await chain.requestToken()
                    #expect([first.token, second.token] == ["cli", "cli"])
                }
                #expect(imds.requests.count == 1)
            }
            #expect(try String(contentsOfFile: directory + "/runs", encoding: .utf8) == "run\nrun\n")
        }
    }
}
