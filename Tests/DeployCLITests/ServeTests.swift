import ArgumentParser
import AsyncHTTPClient
import AzureML
import Foundation
import LocalWorkspace
import NIOCore
import NIOHTTP1
import Testing

@testable import DeployCLI

/// `deploy serve`: option parsing, and the built binary serving, announcing itself and stopping on signals.
@Suite struct ServeTests {
    @Test func parsesOptionsWithDefaults() throws {
        let defaults = try #require(try DeployCommand.parseAsRoot(["serve"]) as? DeployCommand.Serve)
        #expect(defaults.dir == ".deploy")
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.port == 0)
        #expect(defaults.envMode == "build")
        let custom = try #require(
            try DeployCommand.parseAsRoot([
                "serve", "--dir", "ws", "--host", "0.0.0.0", "--port", "8080", "--env-mode", "host",
            ]) as? DeployCommand.Serve)
        #expect(custom.dir == "ws")
        #expect(custom.host == "0.0.0.0")
        #expect(custom.port == 8080)
        #expect(custom.envMode == "host")
    }

    @Test func rejectsUnknownEnvironmentModes() {
        do {
            _ = try DeployCommand.parseAsRoot(["serve", "--env-mode", "conda"])
            Issue.record("parsed an unknown environment mode")
        } catch {
            #expect(DeployCommand.message(for: error) == "--env-mode must be 'build' or 'host', found 'conda'.")
            #expect(DeployCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func rejectsPortsOutOfRange() {
        do {
            _ = try DeployCommand.parseAsRoot(["serve", "--port", "70000"])
            Issue.record("parsed an out-of-range port")
        } catch {
            #expect(DeployCommand.message(for: error) == "--port must be between 0 and 65535, found 70000.")
            #expect(DeployCommand.exitCode(for: error) == .validationFailure)
        }
    }

    /// Starts `deploy serve` and waits for its server file.
    func startServe(directory: String) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        guard let binary = DeployBinaryTests.binary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = ["serve", "--dir", directory, "--port", "0"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return (process, output, error)
    }

    func waitForServerFile(_ directory: String) async throws -> ServerFile {
        for _ in 0..<1_500 {
            if let file = ServerFile.running(in: directory) { return file }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CocoaError(.fileNoSuchFile)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesAndStopsCleanlyOnASignal(_ signal: Int32) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "deploy-serve-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (process, output, error) = try startServe(directory: directory)
        let file = try await waitForServerFile(directory)
        #expect(file.pid == process.processIdentifier)
        #expect(file.workspaceID == LocalWorkspaceServer.workspace.armID)

        let credentials =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory + "/credentials.json"))) as? [String: String]
        let token = try #require(credentials?["token"])
        var request = HTTPClientRequest(
            url: file.url + file.workspaceID + "/datastores/workspaceblobstore?api-version=2024-10-01-preview")
        request.headers.add(name: "Authorization", value: "Bearer " + token)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)

        kill(process.processIdentifier, signal)
        let standardOutput = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let standardError = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(standardError)")
        #expect(standardOutput.hasPrefix("Local workspace listening on \(file.url)\n"))
        #expect(standardOutput.contains("Workspace: \(LocalWorkspaceServer.workspace.armID)\n"))
        #expect(standardOutput.contains("Bearer token: stored in \(directory)/credentials.json (never printed)\n"))
        #expect(!standardOutput.contains(token))
        #expect(!standardError.contains(token))
        #expect(standardOutput.hasSuffix(signal == SIGTERM ? "Stopped (SIGTERM).\n" : "Stopped (SIGINT).\n"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/server.json"))
        #expect(FileManager.default.fileExists(atPath: directory + "/workspace.sqlite"))
    }

    @Test func refusesASecondServerForTheSameDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "deploy-serve-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (first, _, _) = try startServe(directory: directory)
        let file = try await waitForServerFile(directory)
        let (second, _, secondError) = try startServe(directory: directory)
        second.waitUntilExit()
        let message = String(decoding: secondError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 1)
        #expect(
            message == "error: a local workspace for \(directory) is already running at \(file.url) "
                + "(pid \(first.processIdentifier))\n")
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
    }
}
