import AzureML
import DeployTestSupport
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

extension DeployBinaryTests {
    /// Runs the binary without blocking a thread of the concurrency pool, which the in-process server needs: the
    /// output goes to files read after the process ends.
    func runInBackground(_ binary: URL, _ arguments: [String], in directory: URL) async throws -> Result {
        let output = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let error = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        let status = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { process in continuation.resume(returning: process.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(
            status: status, standardOutput: try String(contentsOf: output, encoding: .utf8),
            standardError: try String(contentsOf: error, encoding: .utf8))
    }

    /// Six environments and six jobs using them, named after their content (no `name:`).
    static let interruptedManifests: [String: String] = {
        var files: [String: String] = [:]
        for index in 1...6 {
            files["env\(index).yml"] = "name: env-\(index)\nversion: \"1\"\nimage: python:3.1\(index)\n"
            files["job\(index).yml"] =
                "experiment_name: interrupted\ncommand: echo \(index)\nenvironment: azureml:env-\(index):1\n"
        }
        return files
    }()

    @Test func anApplyKilledMidwayConvergesWhenRunAgainWithoutDuplicateJobs() async throws {
        guard let binary = Self.binary else {
            Issue.record("the deploy binary was not built next to the tests (swift build --build-tests builds it)")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-kill-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: root) }
        try TemporaryFiles.write(Self.interruptedManifests, under: root.appendingPathComponent("manifests"))
        let workspace = root.appendingPathComponent("ws").path
        let server = try await LocalWorkspaceServer.start(
            directory: workspace, options: LocalWorkspaceOptions(provisioningDelay: 0.05, runsJobs: false))
        // Every request takes 0.2 s more, so the apply is still running when the first job is submitted.
        let proxy = try await FaultProxy.start(upstream: server.url, faults: FaultProxy.Faults(latency: 0.2))
        var configuration = ARMClient.Configuration()
        configuration.baseURL = server.url
        let client = try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
            configuration: configuration)
        do {
            let arguments = [
                root.appendingPathComponent("manifests").path, "--workspace", proxy.url + server.workspace.armID,
                "--token-file", workspace, "--no-wait", "--parallelism", "2",
            ]
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while !proxy.entries.contains(where: { $0.method == "PUT" && $0.path.contains("/jobs/") }),
                process.isRunning, Date() < deadline
            {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(process.isRunning, "the apply ended before a job was submitted")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            // Requests the killed process had sent may still be in the proxy's delay: let them reach the server,
            // as a server would finish requests whose client died.
            try await Task.sleep(for: .seconds(1))
            let before = try await client.listResources("/jobs", apiVersion: APIVersion.jobs)
            #expect((1..<6).contains(before.count), "\(before.map(\.name))")

            proxy.setFaults(.none)
            let rerun = try await runInBackground(binary, arguments, in: root)
            #expect(rerun.status == 0, "\(rerun.standardError)")
            #expect(rerun.standardError.contains("Apply complete: "))
            let jobs = try await client.listResources("/jobs", apiVersion: APIVersion.jobs)
            #expect(jobs.count == 6, "\(jobs.map(\.name))")
            #expect(Set(jobs.map(\.name)).count == 6)
            #expect(Set(before.map(\.name)).isSubset(of: Set(jobs.map(\.name))))
            let commands = jobs.compactMap { $0.properties["command"]?.stringValue }.sorted()
            #expect(commands == (1...6).map { "echo \($0)" })

            proxy.resetLog()
            let third = try await runInBackground(binary, arguments, in: root)
            #expect(third.status == 0)
            #expect(third.standardOutput.contains("No changes"), "\(third.standardOutput)")
            let writes = proxy.entries.filter { $0.method != "GET" }
            #expect(writes.isEmpty, "\(writes) after \(rerun.standardError)")
        } catch {
            Issue.record(error)
        }
        try await client.shutdown()
        try await proxy.shutdown()
        try await server.shutdown()
    }
}
