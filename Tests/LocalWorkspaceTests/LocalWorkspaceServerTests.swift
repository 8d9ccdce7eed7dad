import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct LocalWorkspaceServerTests {
    @Test func armRequestsNeedTheBearerToken() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/datastores/workspaceblobstore"
            let missing = try await ws.arm(.GET, path, token: .some(nil))
            #expect(missing.status == 401)
            #expect(missing.errorCode == "AuthenticationFailed")
            #expect(missing.errorMessage == "Authentication failed. The 'Authorization' header is missing.")
            let wrong = try await ws.arm(.GET, path, token: "Bearer nope")
            #expect(wrong.status == 401)
            #expect(wrong.errorCode == "InvalidAuthenticationToken")
            #expect(try await ws.arm(.GET, path, token: "Basic \(ws.server.token)").status == 401)
            #expect(try await ws.arm(.GET, "/unknown", token: .some(nil)).status == 401)
            #expect(try await ws.arm(.GET, path).status == 200)
        }
    }

    @Test func unauthorizedRequestsAreAnsweredBeforeTheirBodyIsRead() async throws {
        try await TestWorkspace.with { ws in
            // Announce 10 MB but send none of it: the 401 must come anyway.
            let response = try await RawHTTP.exchange(
                port: RawHTTP.port(of: ws.server.url),
                request: "PUT \(ws.workspacePath)/environments/e/versions/1?api-version=2023-04-01-preview HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n",
                timeout: 30)
            #expect(response.hasPrefix("HTTP/1.1 401"))
            #expect(response.contains("AuthenticationFailed"))
        }
    }

    @Test func apiVersionIsRequiredAndChecked() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/datastores/workspaceblobstore"
            let missing = try await ws.arm(.GET, path, apiVersion: nil)
            #expect(missing.status == 400)
            #expect(missing.errorCode == "MissingApiVersionParameter")
            #expect(
                missing.errorMessage == "The api-version query parameter (?api-version=) is required for all requests.")
            let invalid = try await ws.arm(.GET, path, apiVersion: "2020-01-01")
            #expect(invalid.status == 400)
            #expect(invalid.errorCode == "InvalidApiVersionParameter")
            #expect(
                invalid.errorMessage == "The api-version '2020-01-01' is invalid. The supported versions are '"
                    + APIVersion.supported.joined(separator: ",") + "'.")
            for version in APIVersion.supported {
                #expect(try await ws.arm(.GET, path, apiVersion: version).status == 200)
            }
        }
    }

    @Test func everyResponseCarriesRequestIDs() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/datastores/workspaceblobstore"
            let plain = try await ws.arm(.GET, path)
            let id = try #require(plain.header("x-ms-request-id"))
            #expect(id.count == 36)
            #expect(plain.header("x-ms-correlation-request-id") == id)
            let correlated = try await ws.arm(
                .GET, path + "/missing",
                headers: [
                    ("x-ms-correlation-request-id", "corr-1"),
                    ("x-ms-client-request-id", "client-1"),
                ])
            #expect(correlated.status == 404)
            #expect(correlated.header("x-ms-correlation-request-id") == "corr-1")
            #expect(correlated.header("x-ms-client-request-id") == "client-1")
            #expect(correlated.header("x-ms-request-id") != nil)
            let unauthorized = try await ws.arm(.GET, path, token: .some(nil))
            #expect(unauthorized.header("x-ms-request-id") != nil)
        }
    }

    @Test func otherWorkspacesAndUnknownPathsAreNotFound() async throws {
        try await TestWorkspace.with { ws in
            let other = ws.workspacePath.replacingOccurrences(of: "/workspaces/local", with: "/workspaces/prod")
            let response = try await ws.arm(.GET, other + "/datastores/workspaceblobstore")
            #expect(response.status == 404)
            #expect(response.errorCode == "ResourceNotFound")
            let group = ws.workspacePath.replacingOccurrences(of: "deploy-local", with: "other-rg")
            #expect(try await ws.arm(.GET, group + "/jobs").status == 404)
            let unknown = try await ws.arm(.GET, ws.workspacePath + "/models/m")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "NotFound")
            #expect(unknown.header("Content-Type") == "application/json; charset=utf-8")
        }
    }

    @Test func oversizedBodiesAreRejected() async throws {
        try await TestWorkspace.with { ws in
            let big = String(repeating: "x", count: 5 * 1024 * 1024)
            let response = try await ws.arm(
                .PUT, ws.workspacePath + "/environments/e/versions/1", body: ["properties": ["image": .string(big)]])
            #expect(response.status == 413)
            #expect(response.errorCode == "RequestEntityTooLarge")
        }
    }

    @Test func credentialsAreCreatedPrivateAndReused() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try await LocalWorkspaceServer.start(directory: directory)
        try await first.shutdown()
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/credentials.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try await LocalWorkspaceServer.start(directory: directory)
        #expect(second.token == first.token)
        #expect(second.token.count == 64)
        #expect(second.workspace == LocalWorkspaceServer.workspace)
        #expect(second.url.hasPrefix("http://127.0.0.1:"))
        try await second.shutdown()
        #expect(FileManager.default.fileExists(atPath: directory + "/workspace.sqlite"))
    }

    @Test func aRestartKeepsEverything() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = LocalWorkspaceOptions(provisioningDelay: 0, runsJobs: false)
        var server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        var ws = TestWorkspace(server: server, directory: directory)
        #expect(try await ws.putEnvironment("env", "1").status == 201)
        #expect(
            try await ws.arm(
                .PUT, ws.workspacePath + "/data/d/versions/1",
                body: ["properties": ["dataType": "uri_folder", "dataUri": "https://x/d/"]]
            ).status == 201)
        #expect(
            try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob, body: ws.commandJob()
            )
            .status == 201)
        try await ws.createCompute("cpu")
        let sas = try await BlobRoutesTests.sas(ws)
        #expect(
            try await TestWorkspace.send(
                .PUT, BlobRoutesTests.url(ws, "kept.txt", sas), body: Array("kept".utf8),
                headers: [("x-ms-blob-type", "BlockBlob")]
            ).status == 201)
        let cancel = try await ws.arm(.POST, ws.workspacePath + "/jobs/j/cancel", apiVersion: APIVersion.jobCancel)
        let location = try #require(cancel.header("Location"))
        let locationPath = String(location.dropFirst(server.url.count))
        try await server.shutdown()

        server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        ws = TestWorkspace(server: server, directory: directory)
        #expect(try await ws.arm(.GET, ws.workspacePath + "/environments/env/versions/1").status == 200)
        #expect(try await ws.arm(.GET, ws.workspacePath + "/data/d").json["properties"]?["latestVersion"] == "1")
        let job = try await ws.arm(.GET, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.jobs)
        #expect(job.json["properties"]?["status"] == "Canceled")
        let compute = try await ws.arm(.GET, ws.workspacePath + "/computes/cpu", apiVersion: APIVersion.computes)
        #expect(compute.json["properties"]?["provisioningState"] == "Succeeded")
        #expect(try await TestWorkspace.send(.GET, BlobRoutesTests.url(ws, "kept.txt", sas)).text == "kept")
        #expect(try await ws.arm(.GET, server.url + locationPath, apiVersion: nil).status == 204)
        try await server.shutdown()
    }

    @Test func concurrentPutsOfOneVersionLeaveExactlyOne() async throws {
        try await TestWorkspace.with { ws in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await ws.putEnvironment("race", "1").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 200 }.count == 15)
            let versions = try await ws.arm(.GET, ws.workspacePath + "/environments/race/versions?listViewType=All")
            #expect(versions.json["value"]?.arrayValue?.count == 1)
            let rows = try await ws.server.store.resources(.environment, name: "race")
            #expect(rows.count == 1)
            #expect(rows.first?.propertiesObject["image"] == "python:3.11")

            // Conflicting contents: one wins, every other answer is a 409, and the row holds the winner's image.
            let conflicting = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let image = "python:3.\(index)"
                        return (try await ws.putEnvironment("race2", "1", image: image).status, image)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = conflicting.filter { $0.0 == 201 }
            #expect(winners.count == 1)
            #expect(conflicting.filter { $0.0 == 409 }.count == 7)
            let stored = try await ws.server.store.resources(.environment, name: "race2")
            #expect(stored.count == 1)
            #expect(stored.first?.propertiesObject["image"]?.stringValue == winners.first?.1)
        }
    }

    @Test func aPortInUseFailsInsteadOfHanging() async throws {
        try await TestWorkspace.with { ws in
            let directory = try TestWorkspace.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let port = RawHTTP.port(of: ws.server.url)
            let error = await #expect(throws: LocalWorkspaceError.self) {
                _ = try await LocalWorkspaceServer.start(directory: directory, port: port)
            }
            #expect(error?.kind == "workspaceSetup")
            #expect(error?.field == "127.0.0.1:\(port)")
            #expect(error?.message.hasPrefix("cannot listen: ") == true)
        }
    }

    @Test func acceptedConnectionsHaveNagleOff() async throws {
        try await TestWorkspace.with { ws in
            let port = RawHTTP.port(of: ws.server.url)
            let fd = try await SocketOptions.openConnection(
                port: port, request: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            defer { close(fd) }
            let accepted = SocketOptions.noDelayOfAcceptedSockets(port: port)
            #expect(!accepted.isEmpty)
            #expect(accepted.values.allSatisfy { $0 })
        }
    }
}
