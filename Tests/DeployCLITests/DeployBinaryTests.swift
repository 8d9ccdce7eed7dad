import DeployCLI
import Foundation
import Testing

/// Runs the built `deploy` executable and checks what a user sees: output and exit status.
@Suite struct DeployBinaryTests {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `deploy` executable next to the test bundle (`.build/<configuration>/deploy`).
    static var binary: URL? {
        #if os(Linux)
            var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #else
            var directory = Bundle.main.bundleURL.deletingLastPathComponent()
        #endif
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("deploy")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        guard let binary = DeployBinaryTests.binary else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the deploy binary was not built"])
        }
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-bin-\(UUID().uuidString)")
        try TemporaryFiles.write([name: text], under: directory)
        return directory.appendingPathComponent(name).path
    }

    @Test func printsVersion() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == DeployCommand.version + "\n")
    }

    @Test func printsHelp() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: deploy <subcommand>"))
        #expect(result.standardOutput.contains("validate"))
    }

    @Test func validateAcceptsGoodFiles() throws {
        let file = try temporaryFile("job.yaml", "command: echo hi\nenvironment:\n  image: python:3.11\n")
        let result = try run(["validate", file])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 file valid\n")
        #expect(result.standardError == "")
    }

    @Test func validateReportsBrokenFiles() throws {
        let file = try temporaryFile("broken.yaml", "job:\n  name: x\n\tcommand: y\n")
        let result = try run(["validate", file])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                \(file):3:1: error: while scanning a plain scalar (line 2, column 9): found a tab character that \
                violates indentation
                \tcommand: y
                ^
                1 error in 1 of 1 file

                """)
    }

    @Test func usageErrorsExitWithSixtyFour() throws {
        let result = try run(["validate"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Missing expected argument '<paths> ...'"))
        #expect(try run(["frobnicate"]).status == 64)
    }

    @Test func validateChecksTheSchemaAndPrintsWarningsWithoutFailing() throws {
        let warned = try temporaryFile("job.yml", "command: echo\nenvironment: azureml:env:1\nstatus: Done\n")
        let result = try run(["validate", warned])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 file valid, 1 warning\n")
        #expect(result.standardError == "\(warned):3:1: warning: status: read-only key, ignored\nstatus: Done\n^\n")
        let wrong = try temporaryFile("job.yml", "command: echo\nenvironment: azureml:env:1\nlimits: {timeout: x}\n")
        let failed = try run(["validate", "--output", "json", wrong])
        #expect(failed.status == 1)
        #expect(failed.standardError == "")
        #expect(failed.standardOutput.contains("\"message\": \"limits.timeout: expected an integer, found \\\"x\\\"\""))
        let fixed = try run(["validate", "--set", "limits.timeout=60", wrong])
        #expect(fixed.status == 0)
        #expect(fixed.standardOutput == "1 file valid\n")
    }

    @Test func planExitStatusesThroughTheProcess() throws {
        let manifest = try temporaryFile("env.yml", "name: tiny\nversion: 1\nimage: python:3.11\n")
        let folder = (manifest as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workspace = "local:" + folder + "/ws"
        let changes = try run(["plan", manifest, "--workspace", workspace, "--detailed-exitcode"])
        #expect(changes.status == 2)
        // Standard output is not a terminal here: no colours.
        #expect(!changes.standardOutput.contains("\u{1B}["))
        #expect(changes.standardOutput.hasSuffix("Plan: 1 to create, 0 to update, 0 unchanged, 0 conflicts.\n"))
        #expect(try run(["plan", manifest, "--workspace", workspace]).status == 0)
        let broken = try temporaryFile("job.yml", "name: j\ncommand: ls\nenvironment: azureml:missing:1\n")
        defer { try? FileManager.default.removeItem(atPath: (broken as NSString).deletingLastPathComponent) }
        let failed = try run(["plan", broken, "--workspace", workspace, "--detailed-exitcode"])
        #expect(failed.status == 1)
        #expect(failed.standardError.hasSuffix("Planning failed: 1 error.\n"))
    }
}
