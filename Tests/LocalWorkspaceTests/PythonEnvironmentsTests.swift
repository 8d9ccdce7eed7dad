import AzureML
import Foundation
import Testing

@testable import LocalWorkspace

/// Virtual environments built from conda files, offline: no pip packages, or a tiny wheel made by the test.
@Suite struct PythonEnvironmentsTests {
    static let command = "python -c 'import sys; print(sys.prefix)'"

    @Test func twoJobsNeedingOneEnvironmentShareOneBuild() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.putEnvironment(
                "e", "1", extra: ["condaFile": "dependencies:\n  - python=2.7\n  - pip: []\n"])
            try await ws.putEnvironment("e", "2", extra: ["condaFile": "name: same\ndependencies:\n  - python=2.7\n"])
            let environment = ws.workspacePath + "/environments/e/versions/"
            try await ws.submit("a", command: Self.command, extra: ["environmentId": .string(environment + "1")])
            try await ws.submit("b", command: Self.command, extra: ["environmentId": .string(environment + "2")])
            for name in ["a", "b"] {
                #expect(try await ws.wait(for: name)["properties"]?["status"] == "Completed", "\(ws.log(name))")
            }
            let envs = ws.directory + "/envs"
            let published = try FileManager.default.contentsOfDirectory(atPath: envs).filter {
                $0.count == 16 && !$0.contains(".")
            }
            #expect(published.count == 1)
            let hash = try #require(published.first)
            #expect(ws.commandOutput("a") == [envs + "/" + hash])
            #expect(ws.commandOutput("b") == ws.commandOutput("a"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: envs + "/logs").count == 1)
            let outcomes = ["a", "b"].map { name in
                ws.log(name).split(separator: "\n").first { $0.contains(": built") || $0.contains(": reused") }
                    .map {
                        $0.contains("built by another job") ? "joined" : $0.contains(": built") ? "built" : "reused"
                    }
            }
            #expect(outcomes.filter { $0 == "built" }.count == 1, "\(outcomes)")
            let host = try await ws.server.runner.hostVersion()
            #expect(
                ws.log("a").contains(
                    "deploy: warning: environment e:1: the conda file asks for python=2.7, but the host's Python is "
                        + "\(host); the environment uses Python \(host)"))

            // A later job finds it ready.
            try await ws.submit("c", command: Self.command, extra: ["environmentId": .string(environment + "1")])
            #expect(try await ws.wait(for: "c")["properties"]?["status"] == "Completed")
            #expect(ws.log("c").contains("deploy: environment e:1: reused: \(envs)/\(hash)"))
        }
    }

    @Test func pipRequirementsAreInstalled() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let wheel = try Self.makeWheel(in: ws.directory)
            try await ws.putEnvironment(
                "w", "1", extra: ["condaFile": .string("dependencies:\n  - pip:\n      - \(wheel)\n")])
            try await ws.submit(
                "uses", command: "python -c 'import tinypkg; print(tinypkg.VALUE)'",
                extra: ["environmentId": .string(ws.workspacePath + "/environments/w/versions/1")])
            #expect(try await ws.wait(for: "uses")["properties"]?["status"] == "Completed", "\(ws.log("uses"))")
            #expect(ws.commandOutput("uses") == ["42"])
        }
    }

    @Test func aFailedBuildFailsTheJobWithPipsLastLines() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.putEnvironment(
                "broken", "1",
                extra: ["condaFile": "dependencies:\n  - pip:\n      - /nonexistent/missing-0.1-py3-none-any.whl\n"])
            try await ws.submit(
                "j", command: "true",
                extra: ["environmentId": .string(ws.workspacePath + "/environments/broken/versions/1")])
            let job = try await ws.wait(for: "j")
            #expect(job["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(job, "ErrorCode") == "EnvironmentError")
            let message = try #require(TestWorkspace.property(job, "ErrorMessage"))
            #expect(
                message.hasPrefix(
                    "building the environment failed while installing the pip requirements: the command exited with "
                        + "code 1. Build log: \(ws.directory)/envs/logs/"))
            #expect(message.contains("/nonexistent/missing-0.1-py3-none-any.whl"))
            #expect(ws.log("j").contains("deploy: error: building the environment failed"))
            let envs = try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/envs")
            #expect(envs.filter { $0 != "logs" && $0 != "host" }.isEmpty, "\(envs)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/envs/logs").count == 1)
        }
    }

    @Test func hostModeAndImageOnlyEnvironmentsUseTheHostPython() async throws {
        var options = TestWorkspace.runnerOptions
        options.environmentMode = .host
        try await TestWorkspace.with(options: options) { ws in
            try await ws.putEnvironment("e", "1", extra: ["condaFile": "dependencies:\n  - pip: [numpy]\n"])
            try await ws.submit(
                "j", command: Self.command,
                extra: ["environmentId": .string(ws.workspacePath + "/environments/e/versions/1")])
            #expect(try await ws.wait(for: "j")["properties"]?["status"] == "Completed")
            #expect(
                ws.log("j").contains(
                    "deploy: environment: the server runs with --env-mode host; \(ws.workspacePath)/environments/e/"
                        + "versions/1 is not built; running with the host's python3"))
            #expect(!FileManager.default.fileExists(atPath: ws.directory + "/envs/logs"))
        }
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.putEnvironment("image", "1")
            try await ws.submit(
                "j", command: Self.command,
                extra: ["environmentId": .string(ws.workspacePath + "/environments/image/versions/1")])
            #expect(try await ws.wait(for: "j")["properties"]?["status"] == "Completed")
            #expect(
                ws.log("j").contains(
                    "deploy: environment: environment image:1 has only an image and no conda file; running with the "
                        + "host's python3"))
        }
    }

    @Test func crashedBuildsNeverLookReadyAndAreRemoved() throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environments = PythonEnvironments(workspaceDirectory: directory, python: "python3", baseEnvironment: [:])
        let root = environments.root
        let manager = FileManager.default
        for folder in ["aaaa.1111/bin", "bbbb.2222/bin", "logs", "host/bin"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try manager.createSymbolicLink(atPath: root + "/aaaa", withDestinationPath: "aaaa.1111")
        try manager.createSymbolicLink(atPath: root + "/cccc.tmp-link-1-ab", withDestinationPath: "bbbb.2222")
        try "log".write(toFile: root + "/logs/bbbb.2222.log", atomically: true, encoding: .utf8)
        environments.removeUnpublished()
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["aaaa", "aaaa.1111", "host", "logs"])
        #expect(manager.fileExists(atPath: root + "/logs/bbbb.2222.log"))
    }

    /// A pure-Python wheel `tinypkg` (`VALUE = 42`), written with Python's zipfile module.
    static func makeWheel(in directory: String) throws -> String {
        let path = directory + "/tinypkg-0.1-py3-none-any.whl"
        let script = """
            import base64, hashlib, sys, zipfile
            files = {
                "tinypkg/__init__.py": "VALUE = 42\\n",
                "tinypkg-0.1.dist-info/METADATA": "Metadata-Version: 2.1\\nName: tinypkg\\nVersion: 0.1\\n",
                "tinypkg-0.1.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
            }
            def digest(text):
                return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
            record = "".join(f"{name},sha256={digest(text)},{len(text.encode())}\\n" for name, text in files.items())
            record += "tinypkg-0.1.dist-info/RECORD,,\\n"
            with zipfile.ZipFile(sys.argv[1], "w") as wheel:
                for name, text in files.items():
                    wheel.writestr(name, text)
                wheel.writestr("tinypkg-0.1.dist-info/RECORD", record)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("could not write the wheel") }
        return path
    }
}
