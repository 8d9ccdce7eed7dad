import AzureML
import Foundation
import LocalWorkspace
import NIOHTTP1
import Testing
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ServerFileTests {
    @Test func serveWritesTheServerFileAndRemovesItOnASignal() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await LocalWorkspaceServer.start(directory: directory)
        let serving = Task { try await server.serveUntilSignalled([.sigusr2]) }
        var file: ServerFile?
        for _ in 0..<200 where file == nil {
            file = ServerFile.running(in: directory)
            if file == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        let running = try #require(file)
        #expect(running.url == server.url)
        #expect(running.pid == getpid())
        #expect(running.workspaceID == server.workspace.armID)
        let text = try String(contentsOfFile: directory + "/server.json", encoding: .utf8)
        #expect(!text.contains(server.token))

        kill(getpid(), SIGUSR2)
        let signal = try await serving.value
        #expect(signal == .sigusr2)
        #expect(!FileManager.default.fileExists(atPath: directory + "/server.json"))
        await #expect(throws: (any Error).self) {
            _ = try await RawHTTP.exchange(port: RawHTTP.port(of: server.url), request: "GET / HTTP/1.1\r\n\r\n")
        }
    }

    @Test func aFileLeftByADeadProcessIsIgnored() throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ServerFile(url: "http://127.0.0.1:1", pid: Int32.max - 1, workspaceID: "w")
            .write(in: directory)
        #expect(ServerFile.running(in: directory) == nil)
        try ServerFile(url: "http://127.0.0.1:1", pid: getpid(), workspaceID: "w").write(in: directory)
        #expect(ServerFile.running(in: directory)?.url == "http://127.0.0.1:1")
        ServerFile.remove(in: directory, pid: getpid() + 1)
        #expect(ServerFile.running(in: directory) != nil)
        ServerFile.remove(in: directory, pid: getpid())
        #expect(ServerFile.running(in: directory) == nil)
    }
}
