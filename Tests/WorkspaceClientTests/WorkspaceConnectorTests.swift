import AzureML
import Foundation
import Testing
import WorkspaceClient

@Suite struct WorkspaceConnectorTests {
    let localWorkspace = WorkspaceID(
        subscription: "00000000-0000-0000-0000-000000000000", resourceGroup: "local", workspace: "local")

    @Test func azureWorkspacesUseResourceManagerAndTheCredentialChain() async throws {
        try await withHTTP { http in
            let connector = WorkspaceConnector(
                environment: ["AZURE_RESOURCE_MANAGER_ENDPOINT": "https://management.chinacloudapi.cn"],
                httpClient: http, defaultLocalWorkspace: localWorkspace)
            let connection = try await connector.connect(
                WorkspaceSelection(target: .azure(testWorkspace), reason: "test"))
            guard case .connected(let client) = connection else {
                Issue.record("expected a client")
                return
            }
            #expect(client.workspace == testWorkspace)
            #expect(client.configuration.baseURL == "https://management.chinacloudapi.cn")
        }
    }

    @Test func endpointURLsUseTheServersToken() async throws {
        try await TestHTTPServer.run({ _ in .json(200, "{}") }) { server in
            try await withHTTP { http in
                let selection = WorkspaceSelection(
                    target: .endpoint(baseURL: server.url, workspace: testWorkspace), reason: "from --workspace")
                let connector = WorkspaceConnector(
                    environment: ["DEPLOY_TOKEN": "served"], httpClient: http, defaultLocalWorkspace: localWorkspace)
                guard case .connected(let client) = try await connector.connect(selection) else {
                    Issue.record("expected a client")
                    return
                }
                _ = try await client.send(ARMRequest(method: "GET", path: "/jobs", apiVersion: "v"))
                let withoutToken = WorkspaceConnector(
                    environment: [:], httpClient: http, defaultLocalWorkspace: localWorkspace)
                await #expect(throws: WorkspaceClientError.self) { try await withoutToken.connect(selection) }
            }
            #expect(server.requests.map(\.uri) == ["\(workspacePath)/jobs?api-version=v"])
            #expect(server.requests.first?.header("Authorization") == "Bearer served")
        }
    }

    @Test func localWorkspacesUseTheirLiveServerOrAskForOne() async throws {
        try await withTemporaryDirectory { directory in
            try await TestHTTPServer.run({ _ in .json(200, "{}") }) { server in
                try await withHTTP { http in
                    var connector = WorkspaceConnector(
                        environment: [:], httpClient: http, defaultLocalWorkspace: localWorkspace)
                    connector.discoveryTimeout = 30  // generous: tests run in parallel on a loaded machine
                    let selection = WorkspaceSelection(target: .local(directory: directory), reason: "the default")
                    guard
                        case .needsLocalServer(directory, "no server.json in \(directory)") =
                            try await connector.connect(selection)
                    else {
                        Issue.record("expected to be asked for a server")
                        return
                    }
                    try writeFile(
                        directory + "/server.json",
                        Array(#"{"url": "\#(server.url)", "pid": \#(ProcessInfo.processInfo.processIdentifier)}"#.utf8))
                    try writeFile(directory + "/credentials.json", Array(#"{"token": "local-token"}"#.utf8))
                    guard case .connected(let client) = try await connector.connect(selection) else {
                        Issue.record("expected a client")
                        return
                    }
                    #expect(client.workspace == localWorkspace)
                    _ = try await client.send(ARMRequest(method: "GET", path: "/jobs", apiVersion: "v"))
                }
                let last = try #require(server.requests.last)
                #expect(last.uri == "\(localWorkspace.armID)/jobs?api-version=v")
                #expect(last.header("Authorization") == "Bearer local-token")
            }
        }
    }
}
