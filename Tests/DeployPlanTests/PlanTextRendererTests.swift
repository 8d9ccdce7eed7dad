import AzureML
import DeployPlan
import Foundation
import Testing

@Suite struct PlanTextRendererTests {
    static let ws = WorkspaceID.local.armID

    @Test func everyActionWithItsFieldsDifferencesUploadsAndPins() {
        #expect(
            PlanTextRenderer().render(SamplePlan.plan) == """
                Workspace: local workspace in /repo/.deploy (the default: no --workspace, AZUREML_WORKSPACE_NAME is not \
                set, and no Azure ML config.json)

                 <= data.iris:3
                      `azureml:iris@latest` resolves to version 3 (jobs/train.yml:12:11)

                  + code.0123abcd:1
                      no code version holds this snapshot (content hash 0123abcd) (jobs/train.yml:4:7)
                      + codeUri     = (known after apply: <pending-upload-container>/src)
                      + isAnonymous = true
                      + properties  = {"hash_sha256":"0123abcd","deploy.spec_hash":"c0de"}
                      upload 2 files (1,234 bytes) from jobs/src to the code version's upload container

                  ~ environment.lightgbm-env:1
                      changed outside deploy: tags.team (envs/lightgbm.yml:1:1)
                      ~ tags.team = "research" -> "ml"

                  ! environment.base:2
                      exists with different create-only fields: image, osType (envs/base.yml:1:1)
                      ~ image = "python:3.11" -> "python:3.12" (create-only)
                      + osType = "linux" (create-only)
                      - tags.old = "x"
                      Versions cannot change; bump `version` in envs/base.yml (to 3), or remove it to let deploy pick \
                the next version.

                  = data.raw:1
                      unchanged (data/raw.yml:1:1)

                  + job.train-0123456789
                      not submitted yet (jobs/train.yml:1:1)
                      + jobType = "Command"
                      + command = "python main.py"
                      + inputs  = {"iris":{"jobInputType":"uri_file","uri":"\(Self.ws)/data/iris/versions/3"}}
                      pins azureml:iris@latest → data.iris:3 (jobs/train.yml:12:11)

                Plan: 2 to create, 1 to update, 1 unchanged, 1 conflict.

                """)
    }

    @Test func coloursOnlyWhenAskedFor() {
        var plan = SamplePlan.plan
        plan.changes = [plan.changes[0], plan.changes[4]]
        let escape = "\u{1B}"
        #expect(
            PlanTextRenderer(colors: true).render(plan) == """
                Workspace: local workspace in /repo/.deploy (the default: no --workspace, AZUREML_WORKSPACE_NAME is not \
                set, and no Azure ML config.json)

                \(escape)[36m <=\(escape)[0m data.iris:3
                      `azureml:iris@latest` resolves to version 3 (jobs/train.yml:12:11)

                \(escape)[2m  =\(escape)[0m data.raw:1
                      unchanged (data/raw.yml:1:1)

                No changes: the workspace matches the manifests.
                \(escape)[1mPlan: 0 to create, 0 to update, 1 unchanged, 0 conflicts.\(escape)[0m

                """)
        #expect(!PlanTextRenderer().render(plan).contains(escape))
    }

    @Test func readsOfExactVersionsListWhoReferencesThem() {
        var plan = SamplePlan.plan
        var read = plan.changes[0]
        read.reason = "exists in the workspace"
        read.pins = [
            PinnedReference(
                reference: "azureml:iris:3", resolved: "data.iris:3",
                source: SourceLocation(file: "a.yml", line: 3, column: 9)),
            PinnedReference(
                reference: "azureml:iris@latest", resolved: "data.iris:3",
                source: SourceLocation(file: "b.yml", line: 4, column: 9)),
        ]
        plan.changes = [read]
        #expect(
            PlanTextRenderer().render(plan).split(separator: "\n").dropFirst().joined(separator: "\n") == """
                 <= data.iris:3
                      exists in the workspace (jobs/train.yml:12:11)
                      referenced as azureml:iris:3 at a.yml:3:9
                      referenced as azureml:iris@latest at b.yml:4:9
                No changes: the workspace matches the manifests.
                Plan: 0 to create, 0 to update, 0 unchanged, 0 conflicts.
                """)
    }

    @Test func aRealPlanRendersItsSourcesAndBodies() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "env.yml": "name: tiny\nversion: 1\nimage: python:3.11\n",
                "job.yml": "name: hello\nexperiment_name: e\ncommand: echo hi\nenvironment: azureml:tiny:1\n",
            ])
            let plan = try await harness.plan([harness.path("env.yml"), harness.path("job.yml")])
            let text = PlanTextRenderer().render(plan).replacingOccurrences(of: harness.directory + "/", with: "")
            #expect(
                text == """
                    Workspace: local workspace in the test folder (from the test)

                      + environment.tiny:1
                          does not exist (manifests/env.yml:1:1)
                          + image       = "python:3.11"
                          + isAnonymous = false
                          + isArchived  = false
                          + properties  = {"deploy.spec_hash":"9807aaf7b986da21efa81a5552d6d754e413ba6d5a246fc5640ad2a5c3a1753c","deploy.source":"manifests/env.yml"}

                      + job.hello
                          not submitted yet (manifests/job.yml:1:1)
                          + displayName          = "hello"
                          + experimentName       = "e"
                          + command              = "echo hi"
                          + properties           = {"deploy.spec_hash":"e73217da4f404d5c5e5a59eb957af85df1528374dfc8df6dc1f8fec0a83aed48","deploy.source":"manifests/job.yml"}
                          + isArchived           = false
                          + inputs               = {}
                          + outputs              = {}
                          + environmentId        = "\(Self.ws)/environments/tiny/versions/1"
                          + tags                 = {}
                          + environmentVariables = {}
                          + jobType              = "Command"

                    Plan: 2 to create, 0 to update, 0 unchanged, 0 conflicts.

                    """)
        }
    }
}
