import ArgumentParser
import AzureML
import DeployPlan
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

@testable import DeployCLI

@Suite struct PlanCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "deploy-plan-cli-\(UUID().uuidString)"
    )
    .resolvingSymlinksInPath()
    static let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
    static let environment = "name: tiny\nversion: 1\nimage: python:3.11\n"

    var root: String { directory.path }
    var workspace: String { root + "/ws" }

    func write(_ files: [String: String]) throws {
        try TemporaryFiles.write(files, under: directory)
    }

    func plan(_ arguments: [String]) async throws -> CommandOutcome {
        let command = try #require(try DeployCommand.parseAsRoot(["plan"] + arguments) as? DeployCommand.Plan)
        return await command.execute(
            environment: [:], workingDirectory: root, runGit: { _ in nil }, localOptions: Self.options)
    }

    /// Registers the tiny environment as another tool would, in the workspace folder, with no server left running.
    func registerTinyEnvironment() async throws {
        let server = try await LocalWorkspaceServer.start(directory: workspace, options: Self.options)
        var configuration = ARMClient.Configuration()
        configuration.baseURL = server.url
        let client = try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
            configuration: configuration)
        _ = try await client.putResource(
            "/environments/tiny/versions/1", apiVersion: APIVersion.environments,
            body: ["properties": ["image": "python:3.11", "isAnonymous": false]])
        try await client.shutdown()
        try await server.shutdown()
    }

    @Test func detailedExitCodesTellChangesFromNone() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["env.yml": Self.environment])
        let changes = try await plan([root + "/env.yml", "--workspace", "local:" + workspace, "--detailed-exitcode"])
        #expect(changes.exitCode == 2)
        #expect(changes.standardError == "")
        #expect(
            changes.standardOutput.split(separator: "\n").first.map(String.init)
                == "Workspace: local workspace in \(workspace) (from --workspace; started in-process for this command "
                + "(no server.json in \(workspace)))")
        #expect(changes.standardOutput.hasSuffix("Plan: 1 to create, 0 to update, 0 unchanged, 0 conflicts.\n"))
        #expect(try await plan([root + "/env.yml", "--workspace", "local:" + workspace]).exitCode == 0)

        try await registerTinyEnvironment()
        let none = try await plan([root + "/env.yml", "--workspace", "local:" + workspace, "--detailed-exitcode"])
        #expect(none.exitCode == 0)
        #expect(
            none.standardOutput.hasSuffix(
                """
                  = environment.tiny:1
                      unchanged: every field deploy sends matches (created outside deploy) (\(root)/env.yml:1:1)

                No changes: the workspace matches the manifests.
                Plan: 0 to create, 0 to update, 1 unchanged, 0 conflicts.

                """))
    }

    @Test func errorsArePrintedAsDiagnosticsWithExitStatus1() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "bad.yml": "command: ls\nenvironment: azureml:e:1\nexperiment: x\n",
            "dangling.yml": "name: j\ncommand: ls\nenvironment: azureml:missing:1\n",
        ])
        let invalid = try await plan([root + "/bad.yml", "--workspace", "local:" + workspace, "--detailed-exitcode"])
        #expect(invalid.exitCode == 1)
        #expect(invalid.standardOutput == "")
        #expect(
            invalid.standardError == """
                \(root)/bad.yml:3:1: error: experiment: unknown key
                experiment: x
                ^
                Planning failed: 1 error.

                """)
        // No workspace was started for a manifest that does not validate.
        #expect(!FileManager.default.fileExists(atPath: workspace))

        let dangling = try await plan([root + "/dangling.yml", "--workspace", "local:" + workspace, "--output", "json"])
        #expect(dangling.exitCode == 1)
        #expect(
            dangling.standardError == """
                \(root)/dangling.yml:3:14: error: `azureml:missing:1` names environment missing:1, which neither the \
                manifests nor the workspace define
                environment: azureml:missing:1
                             ^
                Planning failed: 1 error.

                """)
        let json = try JSONValue(parsing: dangling.standardOutput)
        #expect(json["has_changes"] == false)
        #expect(
            json["errors"] == [
                [
                    "file": .string(root + "/dangling.yml"), "line": 3, "column": 14, "severity": "error",
                    "message": .string(
                        "`azureml:missing:1` names environment missing:1, which neither the manifests nor the "
                            + "workspace define"),
                ]
            ])
    }

    @Test func conflictsFailThePlan() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await registerTinyEnvironment()
        try write(["env.yml": Self.environment.replacingOccurrences(of: "3.11", with: "3.12")])
        let outcome = try await plan([root + "/env.yml", "--workspace", "local:" + workspace, "--detailed-exitcode"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardError == "error: 1 conflict; the plan cannot be applied until it is resolved\n")
        #expect(outcome.standardOutput.contains("  ! environment.tiny:1\n"))
    }

    @Test func jsonMarkdownAndSavedPlans() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["env.yml": Self.environment])
        let json = try await plan([root + "/env.yml", "--workspace", "local:" + workspace, "--output", "json"])
        #expect(json.exitCode == 0)
        let document = try JSONValue(parsing: json.standardOutput)
        #expect(document["format_version"] == 1)
        #expect(document["workspace"]?["id"] == .string(WorkspaceID.local.armID))
        #expect(document["changes"]?.arrayValue?.first?["address"] == "environment.tiny:1")
        #expect(document["fingerprints"] == nil)

        let markdown = try await plan([root + "/env.yml", "--workspace", "local:" + workspace, "--output", "markdown"])
        #expect(markdown.standardOutput.hasPrefix("### deploy plan\n\nWorkspace: **local workspace in \(workspace)**"))

        let saved = try await plan([
            root + "/env.yml", "--workspace", "local:" + workspace, "--out", "plan.json", "--output", "json",
        ])
        #expect(saved.standardError == "Saved the plan to plan.json.\n")
        let file = try JSONValue(parsing: Array(try Data(contentsOf: directory.appendingPathComponent("plan.json"))))
        let plan = try DeployPlan.Plan(json: file)
        #expect(plan.changes.map(\.address) == ["environment.tiny:1"])
        #expect(plan.fingerprints.files.map(\.path) == [root + "/env.yml"])
        #expect(
            plan.fingerprints.reads.map(\.read.description) == ["GET /environments/tiny/versions/1"])
        #expect(file["changes"] == document["changes"])
    }

    @Test func aRunningDeployServeIsUsed() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["env.yml": Self.environment])
        let server = try await LocalWorkspaceServer.start(directory: workspace, options: Self.options)
        try ServerFile(url: server.url, pid: getpid(), workspaceID: server.workspace.armID).write(in: workspace)
        let outcome = try await plan([root + "/env.yml", "--workspace", "local:" + workspace])
        try await server.shutdown()
        #expect(outcome.exitCode == 0)
        #expect(
            outcome.standardOutput.split(separator: "\n").first.map(String.init)
                == "Workspace: local workspace in \(workspace) (from --workspace; served by deploy serve at \(server.url))"
        )
    }

    @Test func coloursOnlyOnATerminalWithoutNoColor() {
        #expect(DeployCommand.Plan.usesColors(isTerminal: true, environment: [:]))
        #expect(!DeployCommand.Plan.usesColors(isTerminal: false, environment: [:]))
        #expect(!DeployCommand.Plan.usesColors(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(DeployCommand.Plan.usesColors(isTerminal: true, environment: ["NO_COLOR": ""]))
    }
}
