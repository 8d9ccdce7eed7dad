import AzureML
import Foundation
import Testing
import WorkspaceClient

/// The id of a process that has exited.
func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

@Suite struct LocalServerDiscoveryTests {
    let me = ProcessInfo.processInfo.processIdentifier

    @Test func findsALiveServerWithItsToken() async throws {
        try await withTemporaryDirectory { directory in
            try await TestHTTPServer.run({ _ in .json(401, #"{"error": {"code": "Unauthorized", "message": "no"}}"#) })
            {
                server in
                try writeFile(directory + "/server.json", Array(#"{"url": "\#(server.url)/", "pid": \#(me)}"#.utf8))
                try writeFile(directory + "/credentials.json", Array(#"{"token": "local-token"}"#.utf8))
                let status = try await withHTTP { http in
                    try await LocalServerDiscovery.discover(directory: directory, httpClient: http, timeout: 30)
                }
                #expect(
                    status == .running(LocalServer(baseURL: server.url, workspace: nil, pid: me, token: "local-token")))
                if case .running(let found) = status {
                    #expect("\(found)" == "deploy serve at \(server.url) (pid \(me))")
                }
                try writeFile(
                    directory + "/server.json",
                    Array(#"{"url": "\#(server.url)\#(testWorkspace.armID)", "pid": \#(me)}"#.utf8))
                let withPath = try await withHTTP { http in
                    try await LocalServerDiscovery.discover(directory: directory, httpClient: http, timeout: 30)
                }
                #expect(
                    withPath
                        == .running(
                            LocalServer(baseURL: server.url, workspace: testWorkspace, pid: me, token: "local-token")))
            }
        }
    }

    @Test func reportsWhyNoServerIsRunning() async throws {
        try await withTemporaryDirectory { directory in
            func discover() async throws -> LocalServerDiscovery.Status {
                try await withHTTP { http in
                    try await LocalServerDiscovery.discover(directory: directory, httpClient: http, timeout: 0.5)
                }
            }
            #expect(try await discover() == .notRunning(reason: "no server.json in \(directory)"))
            try writeFile(directory + "/server.json", Array(#"{"url": 1}"#.utf8))
            #expect(
                try await discover()
                    == .notRunning(reason: "\(directory)/server.json does not hold a server's url and pid"))
            let dead = try deadProcessID()
            try writeFile(directory + "/server.json", Array(#"{"url": "http://127.0.0.1:1", "pid": \#(dead)}"#.utf8))
            #expect(
                try await discover()
                    == .notRunning(reason: "the server in \(directory)/server.json (pid \(dead)) is no longer running"))
            let port = try await closedPort()
            try writeFile(
                directory + "/server.json", Array(#"{"url": "http://127.0.0.1:\#(port)", "pid": \#(me)}"#.utf8))
            guard case .notRunning(let reason) = try await discover() else {
                Issue.record("expected no server")
                return
            }
            #expect(reason.hasPrefix("the server at http://127.0.0.1:\(port) (pid \(me)) does not answer: "))
        }
    }

    @Test func aLiveServerWithoutCredentialsIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try await TestHTTPServer.run({ _ in .text(404, "") }) { server in
                try writeFile(directory + "/server.json", Array(#"{"url": "\#(server.url)", "pid": \#(me)}"#.utf8))
                await #expect(
                    throws: WorkspaceClientError.io(directory + "/credentials.json", "no such file or directory")
                ) {
                    try await withHTTP { http in
                        try await LocalServerDiscovery.discover(directory: directory, httpClient: http, timeout: 30)
                    }
                }
            }
        }
    }
}
