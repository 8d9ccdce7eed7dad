import ArgumentParser
import AzureML
import Foundation
import Testing

@testable import DeployCLI

@Suite struct RenderTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-render-\(UUID().uuidString)")

    func write(_ files: [String: String]) throws -> String {
        try TemporaryFiles.write(files, under: directory)
        return directory.path
    }

    func render(_ arguments: [String], runGit: @escaping ([String]) -> String? = { _ in nil }) throws -> (
        standardOutput: String, standardError: String, failed: Bool
    ) {
        let command = try #require(try DeployCommand.parseAsRoot(["render"] + arguments) as? DeployCommand.Render)
        return try command.execute(environment: [:], runGit: runGit)
    }

    static let job = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        name: hello
        command: echo ${{inputs.d}}
        environment:
          image: python
        inputs:
          d: {type: uri_folder, path: azureml:iris@latest}

        """

    @Test func printsTheRequestsForTheLocalWorkspace() throws {
        let folder = try write(["job.yml": Self.job])
        let outcome = try render(["--cwd-name", "My Project", folder + "/job.yml"])
        #expect(!outcome.failed)
        let document = try JSONValue(parsing: outcome.standardOutput)
        let ws = WorkspaceID.local.armID
        #expect(document["workspace"] == .string(ws))
        let requests = try #require(document["requests"]?.arrayValue)
        #expect(
            requests.map { "\($0["method"]?.stringValue ?? "") \($0["path"]?.stringValue ?? "")" } == [
                "PUT \(ws)/environments/CliV2AnonymousEnvironment/versions/"
                    + AnonymousEnvironment.version(image: "python"),
                "GET \(ws)/data/iris", "GET \(ws)/data/iris/versions/<latest>", "PUT \(ws)/jobs/hello",
            ])
        #expect(requests[3]["api_version"] == "2025-01-01-preview")
        #expect(requests[3]["body"]?["properties"]?["experimentName"] == "MyProject")
        #expect(
            requests[3]["body"]?["properties"]?["inputs"]?["d"]?["uri"] == .string("\(ws)/data/iris/versions/<latest>"))
        #expect(requests[3]["source"] == .string(folder + "/job.yml:1:1"))
        #expect(document["placeholders"] == ["<latest>": "the version @latest names when the workspace is read"])
        #expect(
            outcome.standardError == """
                \(folder)/job.yml:7:31: warning: `azureml:iris@latest` is resolved when the workspace is read; the \
                requests show <latest>
                  d: {type: uri_folder, path: azureml:iris@latest}
                                              ^

                """)
    }

    @Test func validationErrorsArePrintedAsValidatePrintsThem() throws {
        let folder = try write(["bad.yml": "command: ls\nenvironment: azureml:e:1\nexperiment: x\n"])
        let outcome = try render([folder + "/bad.yml"])
        #expect(outcome.failed)
        #expect(outcome.standardOutput == "")
        let validate = try #require(
            try DeployCommand.parseAsRoot(["validate", folder + "/bad.yml"]) as? DeployCommand.Validate)
        #expect(outcome.standardError == (try validate.execute()).standardError)
        #expect(outcome.standardError.hasSuffix("1 error in 1 of 1 file\n"))
    }

    @Test func translationErrorsFailToo() throws {
        let folder = try write(["job.yml": "command: ls\nenvironment: azureml:e@prod\n"])
        let outcome = try render([folder + "/job.yml"])
        #expect(outcome.failed)
        #expect(
            outcome.standardError == """
                \(folder)/job.yml:2:14: error: unknown label `@prod` in `azureml:e@prod`; the only label is `@latest`
                environment: azureml:e@prod
                             ^
                1 error in 1 of 1 file

                """)
    }

    @Test func gitPropertiesComeFromGitUnlessTurnedOff() throws {
        let folder = try write(["job.yml": "name: j\ncommand: ls\nenvironment: azureml:e:1\n"])
        let git: ([String]) -> String? = { arguments in
            switch arguments.joined(separator: " ") {
            case "rev-parse --is-inside-work-tree": "true\n"
            case "rev-parse HEAD": "abc123\n"
            case "status --porcelain .": ""
            default: nil
            }
        }
        let with = try JSONValue(parsing: try render([folder + "/job.yml"], runGit: git).standardOutput)
        #expect(
            with["requests"]?.arrayValue?.last?["body"]?["properties"]?["properties"]
                == ["mlflow.source.git.commit": "abc123", "azureml.git.dirty": "False"])
        let without = try JSONValue(parsing: try render(["--no-git", folder + "/job.yml"], runGit: git).standardOutput)
        #expect(without["requests"]?.arrayValue?.last?["body"]?["properties"]?["properties"] == [:])
    }

    @Test func assetsAreRenderedBeforeJobsAndTheWorkspaceCanBeChosen() throws {
        let folder = try write([
            "a-job.yml": "name: j\ncommand: ls\nenvironment: azureml:e:1\n",
            "b-env.yml": "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: e\n"
                + "version: 1\nimage: python\n",
        ])
        let id = "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"
        let document = try JSONValue(parsing: try render(["--workspace-id", id, folder]).standardOutput)
        #expect(
            document["requests"]?.arrayValue?.compactMap { $0["path"]?.stringValue }
                == [id + "/environments/e/versions/1", id + "/jobs/j"])
        #expect(throws: (any Error).self) {
            try DeployCommand.parseAsRoot(["render", "--workspace-id", "nope", folder])
        }
    }

    @Test func overridesApplyBeforeTranslation() throws {
        let folder = try write(["job.yml": "name: j\ncommand: ls\nenvironment: azureml:e:1\n"])
        let outcome = try render(["--set", "experiment_name=tuned", "--set", "tags.team=ml", folder + "/job.yml"])
        let body = try JSONValue(parsing: outcome.standardOutput)["requests"]?.arrayValue?.last?["body"]
        #expect(body?["properties"]?["experimentName"] == "tuned")
        #expect(body?["properties"]?["tags"] == ["team": "ml"])
    }

    @Test func rendersTheExampleManifests() throws {
        let manifests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("manifests").path
        let outcome = try render(["--no-git", manifests])
        #expect(!outcome.failed, "\(outcome.standardError)")
        let requests = try JSONValue(parsing: outcome.standardOutput)["requests"]?.arrayValue ?? []
        #expect(requests.contains { $0["path"]?.stringValue?.contains("/computes/") == true })
        #expect(requests.filter { $0["path"]?.stringValue?.contains("/jobs/") == true }.count == 2)
    }
}
