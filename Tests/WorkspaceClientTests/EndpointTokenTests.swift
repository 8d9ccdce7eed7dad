import Foundation
import Testing
import WorkspaceClient

@Suite struct EndpointTokenTests {
    @Test func readsTokenFilesJSONFilesAndWorkspaceDirectories() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/token", Array("plain-token\n".utf8))
            try writeFile(directory + "/credentials.json", Array(#"{"token": "json-token"}"#.utf8))
            #expect(try EndpointToken.read(directory + "/token") == "plain-token")
            #expect(try EndpointToken.read(directory + "/credentials.json") == "json-token")
            #expect(try EndpointToken.read(directory) == "json-token")
            try writeFile(directory + "/other.json", Array(#"{"secret": "x"}"#.utf8))
            #expect(throws: WorkspaceClientError.io(directory + "/other.json", "has no \"token\" member")) {
                try EndpointToken.read(directory + "/other.json")
            }
            #expect(throws: WorkspaceClientError.io(directory + "/nope", "no such file or directory")) {
                try EndpointToken.read(directory + "/nope")
            }
        }
    }

    @Test func theFlagBeatsTheVariableAndOneOfThemIsNeeded() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/token", Array("from-file".utf8))
            let fromFile = try EndpointToken.credential(
                environment: ["DEPLOY_TOKEN": "from-env"], tokenFile: directory + "/token", baseURL: "http://h:1")
            #expect(try await fromFile.requestToken().token == "from-file")
            let fromEnvironment = try EndpointToken.credential(
                environment: ["DEPLOY_TOKEN": "from-env"], tokenFile: nil, baseURL: "http://h:1")
            #expect(try await fromEnvironment.requestToken().token == "from-env")
            #expect(fromEnvironment.name == "DEPLOY_TOKEN")
        }
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "the workspace server at http://h:1 needs its bearer token: set DEPLOY_TOKEN, or pass --token-file "
                    + "with a file holding the token or the server's workspace directory (its credentials.json)")
        ) { try EndpointToken.credential(environment: [:], tokenFile: nil, baseURL: "http://h:1") }
    }
}
