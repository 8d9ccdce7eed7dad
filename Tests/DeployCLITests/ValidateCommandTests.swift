import ArgumentParser
import Foundation
import Testing

@testable import DeployCLI

@Suite struct ValidateCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-cli-\(UUID().uuidString)")
        try TemporaryFiles.write(
            [
                "job.yml": """
                $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
                command: python train.py --lr ${{inputs.lr}}
                code: src
                environment: azureml:AzureML-sklearn-1.5@latest
                inputs:
                  lr: 0.1
                status: Completed

                """,
                "src/train.py": "",
                "sweep.yml": """
                type: sweep
                trial:
                  command: python train.py --lr ${{search_space.lr}}
                  environment: azureml:env:1
                sampling_algorithm: random
                search_space: {lr: {type: uniform, min_value: 0.01, max_value: 0.1}}
                objective: {goal: minimize, primary_metric: loss}
                limits:
                  max_total_trials: ten

                """,
            ], under: directory)
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    func execute(_ arguments: [String]) throws -> (standardOutput: String, standardError: String, failed: Bool) {
        let command = try #require(try DeployCommand.parseAsRoot(["validate"] + arguments) as? DeployCommand.Validate)
        return try command.execute()
    }

    @Test func errorsGoToStandardErrorAndFail() throws {
        let result = try execute([path("job.yml"), path("sweep.yml")])
        #expect(result.failed)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                \(path("job.yml")):7:1: warning: status: read-only key, ignored
                status: Completed
                ^
                \(path("sweep.yml")):9:21: error: limits.max_total_trials: expected an integer, found "ten"
                  max_total_trials: ten
                                    ^
                1 error in 1 of 2 files, 1 warning

                """)
    }

    @Test func warningsAloneDoNotFail() throws {
        let result = try execute([path("job.yml")])
        #expect(!result.failed)
        #expect(result.standardOutput == "1 file valid, 1 warning\n")
        #expect(
            result.standardError == """
                \(path("job.yml")):7:1: warning: status: read-only key, ignored
                status: Completed
                ^

                """)
    }

    @Test func overridesApplyBeforeValidation() throws {
        let fixed = try execute(["--set", "limits.max_total_trials=5", path("sweep.yml")])
        #expect(fixed == ("1 file valid\n", "", false))
        let wrong = try execute(["--set", "limits.max_totl_trials=5", path("sweep.yml")])
        #expect(wrong.failed)
        #expect(
            wrong.standardError == """
                --set:1:8: error: limits.max_totl_trials: unknown key; did you mean `max_total_trials`? (applied to \
                \(path("sweep.yml")))
                limits.max_totl_trials=5
                       ^
                \(path("sweep.yml")):9:21: error: limits.max_total_trials: expected an integer, found "ten"
                  max_total_trials: ten
                                    ^
                2 errors in 1 of 1 file

                """)
    }

    @Test func malformedOverridesAreUsageErrors() {
        do {
            _ = try DeployCommand.parseAsRoot(["validate", "--set", "limits", path("job.yml")])
            Issue.record("expected a usage error")
        } catch {
            #expect(DeployCommand.message(for: error) == "--set limits: expected key.path=value")
            #expect(DeployCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func jsonOutput() throws {
        let result = try execute(["--output", "json", path("job.yml"), path("sweep.yml"), path("missing.yml")])
        #expect(result.failed)
        #expect(result.standardError == "")
        #expect(
            result.standardOutput == """
                {
                  "files": [
                    "\(path("job.yml"))",
                    "\(path("sweep.yml"))"
                  ],
                  "diagnostics": [
                    {
                      "file": "\(path("missing.yml"))",
                      "line": null,
                      "column": null,
                      "severity": "error",
                      "message": "no such file or directory"
                    },
                    {
                      "file": "\(path("job.yml"))",
                      "line": 7,
                      "column": 1,
                      "severity": "warning",
                      "message": "status: read-only key, ignored"
                    },
                    {
                      "file": "\(path("sweep.yml"))",
                      "line": 9,
                      "column": 21,
                      "severity": "error",
                      "message": "limits.max_total_trials: expected an integer, found \\"ten\\""
                    }
                  ],
                  "errors": 2,
                  "warnings": 1
                }

                """)
    }

    @Test func exampleManifestsAreValid() throws {
        var root = #filePath
        for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
        let result = try execute([root + "/manifests"])
        #expect(result == ("3 files valid\n", "", false))
    }
}
