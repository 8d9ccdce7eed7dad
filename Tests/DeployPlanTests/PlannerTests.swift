import AzureML
import DeployPlan
import DeployYAML
import Foundation
import LocalWorkspace
import Testing

/// Plans end to end: manifests loaded and translated, then planned against a real local workspace server over HTTP.
@Suite struct PlannerTests {
    static let ws = WorkspaceID.local.armID
    static let job = "job.crossref-74a6dddfed"
    static let code = "code.dce9e5fa-5602-402e-14f8-50b8f383c98f:1"
    static let codeLookup =
        "GET /codes/dce9e5fa-5602-402e-14f8-50b8f383c98f/versions?"
        + "hash=dce9e5fa5602402e14f850b8f383c98fd01a463162add5f11e48a8c6d4864f9d&hashVersion=202208"

    /// `symbol address` of every change.
    static func actions(_ plan: Plan) -> [String] {
        plan.changes.map { "\($0.action.symbol) \($0.address)" }
    }

    static func errors(_ plan: Plan, in harness: PlanHarness) -> [String] {
        plan.errors.map { $0.rendered.replacingOccurrences(of: harness.directory + "/", with: "") }
    }

    @Test func theRepositoryManifestsInAnEmptyWorkspace() async throws {
        let manifests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("manifests").path
        try await PlanHarness.with { harness in
            let plan = try await harness.plan([manifests])
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            let environment =
                "environment.CliV2AnonymousEnvironment:f6cfbe5a50eb55e172ab3128fac9c8d0c8c905c9ec5d3a639ed15ea2d9d3f92e"
            let code = "code.c294a69e-69cc-cdab-4c3a-3d425e92bd79:1"
            #expect(
                Self.actions(plan) == [
                    "+ compute.cpu-cluster", "+ \(environment)", "+ \(code)", "+ job.lightgbm-iris-4f6a7ae683",
                    "+ job.lightgbm-iris-sweep-31d9ef67f2",
                ])
            // The inline environment and the code snapshot the two jobs share are planned once.
            #expect(plan.change(environment)?.manifests.count == 2)
            #expect(plan.change("job.lightgbm-iris-4f6a7ae683")?.dependsOn == [environment, code])
            #expect(plan.summary.line == "Plan: 5 to create, 0 to update, 0 unchanged, 0 conflicts.")
            #expect(
                harness.service.requests.sorted() == [
                    "GET /",
                    "GET /codes/c294a69e-69cc-cdab-4c3a-3d425e92bd79/versions?"
                        + "hash=c294a69e69cccdab4c3a3d425e92bd79a3f2214c56e4af8f3aefe82c6fd47a99&hashVersion=202208",
                    "GET /computes/cpu-cluster",
                    "GET /environments/CliV2AnonymousEnvironment/versions/"
                        + "f6cfbe5a50eb55e172ab3128fac9c8d0c8c905c9ec5d3a639ed15ea2d9d3f92e",
                    "GET /jobs/lightgbm-iris-4f6a7ae683", "GET /jobs/lightgbm-iris-sweep-31d9ef67f2",
                ])
            try await harness.applyDirectly(plan)
            let again = try await harness.plan([manifests])
            #expect(again.changes.allSatisfy { $0.action == .noOp }, "\(Self.actions(again))")
            #expect(harness.service.writes.isEmpty)
        }
    }

    @Test func crossManifestReferencesPointAtTheSetAndPinLatest() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            let plan = try await harness.plan([folder])
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            #expect(
                Self.actions(plan) == [
                    "+ compute.cpu-cluster", "+ environment.lightgbm-env:1", "+ data.iris:1", "+ \(Self.code)",
                    "+ \(Self.job)",
                ])
            let job = try #require(plan.change(Self.job))
            #expect(job.dependsOn == ["compute.cpu-cluster", "environment.lightgbm-env:1", "data.iris:1", Self.code])
            #expect(
                job.pins.map { "\($0.reference) → \($0.resolved) at \($0.source)" } == [
                    "azureml:iris@latest → data.iris:1 at \(folder)/train.yml:11:11"
                ])
            let properties = try #require(job.body?.json["properties"])
            #expect(properties["environmentId"] == .string("\(Self.ws)/environments/lightgbm-env/versions/1"))
            #expect(properties["inputs"]?["iris"]?["uri"] == .string("\(Self.ws)/data/iris/versions/1"))
            #expect(properties["codeId"] == .string("\(Self.ws)/codes/dce9e5fa-5602-402e-14f8-50b8f383c98f/versions/1"))
            #expect(properties["computeId"] == .string("\(Self.ws)/computes/cpu-cluster"))
            #expect(
                harness.service.requests.sorted() == [
                    "GET /", Self.codeLookup, "GET /computes/cpu-cluster", "GET /data/iris",
                    "GET /environments/lightgbm-env/versions/1", "GET /jobs/crossref-74a6dddfed",
                ])
            let code = try #require(plan.change(Self.code))
            #expect(code.needsPendingUpload)
            #expect(code.body?.slots.map(\.path) == [["properties", "codeUri"]])
            #expect(code.body?.placeholders == [.pendingUploadContainer(codeName: code.name, version: "1")])

            try await harness.applyDirectly(plan)
            let second = try await harness.plan([folder])
            #expect(
                Self.actions(second) == [
                    "= compute.cpu-cluster", "= environment.lightgbm-env:1", "= data.iris:1", "= \(Self.code)",
                    "= \(Self.job)",
                ])
            #expect(second.change("data.iris:1")?.reason == "reuses the latest version 1 (same content); unchanged")
            #expect(second.change(Self.job)?.reason == "already submitted, status NotStarted")
            #expect(second.change(Self.job)?.status == "NotStarted")
            #expect(!second.hasChanges)
            #expect(harness.service.writes.isEmpty)
            #expect(second.changes.allSatisfy { $0.body == nil && $0.uploads.isEmpty })
        }
    }

    @Test func tagsChangedThroughTheRESTAPIAreAnUpdate() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            try await harness.applyDirectly(try await harness.plan([folder]))
            let path = "/environments/lightgbm-env/versions/1"
            var properties = try #require(
                try await harness.client.getResource(path, apiVersion: APIVersion.environments)
            )
            .properties
            properties["tags"] = ["team": "research", "owner": "someone"]
            properties["provisioningState"] = nil
            try await harness.put(path, apiVersion: APIVersion.environments, ["properties": .object(properties)])

            let plan = try await harness.plan([folder])
            #expect(
                Self.actions(plan) == [
                    "= compute.cpu-cluster", "~ environment.lightgbm-env:1", "= data.iris:1", "= \(Self.code)",
                    "= \(Self.job)",
                ])
            let change = try #require(plan.change("environment.lightgbm-env:1"))
            #expect(change.reason == "changed outside deploy: tags.team, tags.owner")
            #expect(
                change.differences == [
                    FieldDifference(path: "tags.team", before: "research", after: "ml", isCreateOnly: false),
                    FieldDifference(path: "tags.owner", before: "someone", after: nil, isCreateOnly: false),
                ])
            #expect(change.body?.json["properties"]?["tags"] == ["team": "ml"])
            #expect(change.body?.slots == [])
            #expect(plan.summary.line == "Plan: 0 to create, 1 to update, 4 unchanged, 0 conflicts.")
            try await harness.applyDirectly(plan)
            #expect(try await harness.plan([folder]).hasChanges == false)
        }
    }

    @Test func changedContentOfAVersionIsAConflict() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            try await harness.applyDirectly(try await harness.plan([folder]))
            try harness.write(["crossref/conda.yaml": "name: lightgbm\ndependencies:\n  - python=3.12\n"])
            let plan = try await harness.plan([folder])
            #expect(
                Self.actions(plan) == [
                    "= compute.cpu-cluster", "! environment.lightgbm-env:1", "= data.iris:1", "= \(Self.code)",
                    "= \(Self.job)",
                ])
            let change = try #require(plan.change("environment.lightgbm-env:1"))
            #expect(change.reason == "exists with different create-only fields: condaFile")
            #expect(
                change.differences == [
                    FieldDifference(
                        path: "condaFile",
                        before:
                            "channels:\n- conda-forge\ndependencies:\n- python=3.11\n- pip:\n  - lightgbm\nname: lightgbm\n",
                        after: "dependencies:\n- python=3.12\nname: lightgbm\n", isCreateOnly: true)
                ])
            #expect(
                change.advice
                    == "Versions cannot change; bump `version` in \(folder)/environment.yml (to 2), or remove it to "
                    + "let deploy pick the next version.")
            #expect(plan.summary.line == "Plan: 0 to create, 0 to update, 4 unchanged, 1 conflict.")
            #expect(!plan.isApplicable)
            #expect(plan.hasChanges)
        }
    }

    @Test func resourcesCreatedByOtherToolsAreComparedFieldByField() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "env.yml": """
                name: made-elsewhere
                version: 3
                image: python:3.11
                os_type: linux
                description: an image
                """
            ])
            // As the SDK sends it, with the service's capitalisation of osType and its own additions.
            try await harness.put(
                "/environments/made-elsewhere/versions/3", apiVersion: APIVersion.environments,
                [
                    "properties": [
                        "image": "python:3.11", "osType": "Linux", "isAnonymous": false, "isArchived": false,
                        "description": "an image", "tags": [:], "autoRebuild": "Disabled",
                    ]
                ])
            let plan = try await harness.plan([harness.path("env.yml")])
            #expect(Self.actions(plan) == ["= environment.made-elsewhere:3"])
            #expect(plan.changes[0].reason == "unchanged: every field deploy sends matches (created outside deploy)")

            try harness.write(["env.yml": "name: made-elsewhere\nversion: 3\nimage: python:3.12\ndescription: new\n"])
            let changed = try await harness.plan([harness.path("env.yml")])
            #expect(Self.actions(changed) == ["! environment.made-elsewhere:3"])
            #expect(
                changed.changes[0].differences == [
                    FieldDifference(path: "image", before: "python:3.11", after: "python:3.12", isCreateOnly: true),
                    FieldDifference(path: "description", before: "an image", after: "new", isCreateOnly: false),
                ])
        }
    }

    @Test func versionlessAssetsReuseIdenticalContentAndVersionChanges() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            try await harness.applyDirectly(try await harness.plan([folder]))
            try harness.write(["crossref/iris.csv": "sepal_length,species\n4.9,setosa\n"])
            let plan = try await harness.plan([folder])
            let data = try #require(plan.change("data.iris:2"))
            #expect(data.action == .create)
            #expect(data.reason == "the latest version 1 differs in dataUri; creating version 2")
            #expect(data.differences.map(\.path) == ["dataUri"])
            #expect(data.uploads.map(\.files.count) == [1])
            // The job pins the new version, so it is a new job.
            let job = try #require(plan.changes.last)
            #expect(job.action == .create)
            #expect(job.address != Self.job)
            #expect(job.pins.map(\.resolved) == ["data.iris:2"])
            #expect(
                job.body?.json["properties"]?["inputs"]?["iris"]?["uri"] == .string("\(Self.ws)/data/iris/versions/2"))
            #expect(
                Self.actions(plan) == [
                    "= compute.cpu-cluster", "= environment.lightgbm-env:1", "+ data.iris:2", "= \(Self.code)",
                    "+ \(job.address)",
                ])
        }
    }

    @Test func latestReferencesToTheWorkspaceArePinnedAsReads() async throws {
        try await PlanHarness.with { harness in
            for version in ["1", "2", "3"] {
                try await harness.put(
                    "/data/external/versions/\(version)", apiVersion: APIVersion.data,
                    ["properties": ["dataType": "uri_file", "dataUri": .string("https://example.com/v\(version).csv")]])
            }
            // Environments resolve @latest to the most recently created version, not the highest.
            for version in ["b", "a"] {
                try await harness.put(
                    "/environments/shared/versions/\(version)", apiVersion: APIVersion.environments,
                    ["properties": ["image": .string("python:\(version)")]])
            }
            try harness.write([
                "job.yml": """
                name: uses-latest
                command: echo ${{inputs.d}}
                environment: azureml:shared@latest
                inputs:
                  d: {type: uri_file, path: azureml:external@latest}
                  again: {type: uri_file, path: azureml:external:3}
                """
            ])
            let plan = try await harness.plan([harness.path("job.yml")])
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            #expect(Self.actions(plan) == ["<= environment.shared:a", "<= data.external:3", "+ job.uses-latest"])
            let read = try #require(plan.change("data.external:3"))
            #expect(read.reason == "`azureml:external@latest` resolves to version 3")
            #expect(read.pins.map(\.reference) == ["azureml:external@latest", "azureml:external:3"])
            #expect(read.path == "/data/external/versions/3")
            #expect(read.body == nil)
            let job = try #require(plan.change("job.uses-latest"))
            #expect(job.dependsOn == ["environment.shared:a", "data.external:3"])
            #expect(
                job.pins.map { "\($0.reference) → \($0.resolved)" } == [
                    "azureml:shared@latest → environment.shared:a", "azureml:external@latest → data.external:3",
                ])
            let properties = try #require(job.body?.json["properties"])
            #expect(properties["environmentId"] == .string("\(Self.ws)/environments/shared/versions/a"))
            #expect(properties["inputs"]?["d"]?["uri"] == .string("\(Self.ws)/data/external/versions/3"))
            #expect(
                harness.service.requests.sorted() == [
                    "GET /data/external", "GET /data/external/versions/3",
                    "GET /environments/shared/versions?$orderBy=createdtime desc&$top=1", "GET /jobs/uses-latest",
                ])
            #expect(plan.summary.line == "Plan: 1 to create, 0 to update, 0 unchanged, 0 conflicts.")
        }
    }

    @Test func aDanglingReferenceIsAnErrorAtItsPosition() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("dangling")
            let plan = try await harness.plan([folder])
            #expect(
                Self.errors(plan, in: harness) == [
                    """
                    manifests/dangling/job.yml:5:14: error: `azureml:missing-env:1` names environment missing-env:1, \
                    which neither the manifests nor the workspace define
                    environment: azureml:missing-env:1
                                 ^
                    """
                ])
            #expect(plan.changes.isEmpty)
            #expect(
                harness.service.requests.sorted() == [
                    "GET /environments/missing-env/versions/1", "GET /jobs/dangling-job",
                ])
            #expect(harness.service.writes.isEmpty)
        }
    }

    @Test func danglingComputesLabelsAndModelsAreErrorsToo() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "job.yml": """
                command: echo
                environment: azureml:AzureML-lightgbm-3.3@latest
                compute: azureml:gpu-cluster
                inputs:
                  d: {type: uri_folder, path: azureml:nothing@latest}
                  m: {type: mlflow_model, path: azureml:model@latest}
                """
            ])
            let plan = try await harness.plan([harness.path("job.yml")])
            #expect(
                plan.errors.map(\.message) == [
                    "`gpu-cluster` names compute gpu-cluster, which neither the manifests nor the workspace define",
                    "`azureml:nothing@latest` names data asset nothing, which neither the manifests nor the workspace "
                        + "define",
                    "`azureml:model@latest` names model model, which neither the manifests nor the workspace define",
                ])
            #expect(plan.errors.map { $0.mark?.line } == [3, 5, 6])
            #expect(plan.changes.isEmpty)
            // The curated environment is passed through without a request.
            #expect(!harness.service.requests.contains { $0.contains("AzureML-") })
            #expect(harness.service.writes.isEmpty)
        }
    }

    @Test func curatedEnvironmentsRegistriesAndServerlessNeedNoRequests() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "job.yml": """
                name: passthrough
                command: echo
                environment: azureml://registries/azureml/environments/sklearn-1.5/labels/latest
                compute: serverless
                inputs:
                  d: {type: uri_file, path: https://example.com/iris.csv}
                  r: {type: uri_folder, path: azureml://registries/azureml/data/iris/versions/1}
                """
            ])
            let plan = try await harness.plan([harness.path("job.yml")])
            #expect(plan.errors.isEmpty)
            #expect(Self.actions(plan) == ["+ job.passthrough"])
            #expect(harness.service.requests == ["GET /jobs/passthrough"])
        }
    }

    @Test func aNamedJobWithDifferentCreateOnlyFieldsIsAConflict() async throws {
        try await PlanHarness.with { harness in
            let job = "name: fixed\nexperiment_name: e\ncommand: echo one\nenvironment: azureml:AzureML-x@latest\n"
            try harness.write(["job.yml": job, "tags.yml": job + "tags: {stage: prod}\n"])
            try await harness.applyDirectly(try await harness.plan([harness.path("job.yml")]))
            // Tags are mutable on a job.
            let tagged = try await harness.plan([harness.path("tags.yml")])
            #expect(Self.actions(tagged) == ["~ job.fixed"])
            #expect(tagged.changes[0].reason == "mutable fields differ: tags.stage")
            try harness.write(["job.yml": job.replacingOccurrences(of: "echo one", with: "echo two")])
            let plan = try await harness.plan([harness.path("job.yml")])
            #expect(Self.actions(plan) == ["! job.fixed"])
            let change = plan.changes[0]
            #expect(
                change.differences == [
                    FieldDifference(path: "command", before: "echo one", after: "echo two", isCreateOnly: true)
                ])
            #expect(change.status == "NotStarted")
            #expect(
                change.advice
                    == "A submitted job cannot change; give the job another `name` in \(harness.path("job.yml")), or "
                    + "remove `name` to let deploy name it after its content.")
        }
    }

    @Test func rerunSubmitsAJobNamedAfterItsContentUnderTheNextName() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            try await harness.applyDirectly(try await harness.plan([folder]))
            let plan = try await harness.plan([folder], rerun: true)
            #expect(
                Self.actions(plan) == [
                    "= compute.cpu-cluster", "= environment.lightgbm-env:1", "= data.iris:1", "= \(Self.code)",
                    "+ \(Self.job)-r2",
                ])
            #expect(
                plan.change("\(Self.job)-r2")?.reason
                    == "--rerun: submitted before as crossref-74a6dddfed (status NotStarted); a new run")
            #expect(plan.change("\(Self.job)-r2")?.body?.json["properties"]?["displayName"] == "crossref-74a6dddfed-r2")
            try await harness.applyDirectly(plan)
            let third = try await harness.plan([folder], rerun: true)
            #expect(third.changes.last?.address == "\(Self.job)-r3")
            #expect(
                harness.service.requests.suffix(3) == [
                    "GET /jobs/crossref-74a6dddfed", "GET /jobs/crossref-74a6dddfed-r2",
                    "GET /jobs/crossref-74a6dddfed-r3",
                ])
            #expect(try await harness.plan([folder]).hasChanges == false)
        }
    }

    @Test func codeIsDeduplicatedByItsContentHash() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            // Registered by the SDK under a random name, with the same snapshot.
            try await harness.put(
                "/codes/0b7c2c4e-sdk/versions/7", apiVersion: APIVersion.codes,
                [
                    "properties": [
                        "codeUri": "https://account.blob.core.windows.net/container/src", "isAnonymous": true,
                        "properties": [
                            "hash_sha256": "dce9e5fa5602402e14f850b8f383c98fd01a463162add5f11e48a8c6d4864f9d",
                            "hash_version": 202208,
                        ],
                    ]
                ])
            let plan = try await harness.plan([folder])
            let code = try #require(plan.change("code.0b7c2c4e-sdk:7"))
            #expect(code.action == .noOp)
            #expect(code.reason == "the snapshot is already registered (content hash dce9e5fa5602)")
            #expect(
                plan.changes.last?.body?.json["properties"]?["codeId"]
                    == .string("\(Self.ws)/codes/0b7c2c4e-sdk/versions/7"))
            #expect(plan.changes.last?.dependsOn.contains("code.0b7c2c4e-sdk:7") == true)
        }
    }

    @Test func aJobOutputReferenceNamesAJobOfTheSetOrOfTheWorkspace() async throws {
        try await PlanHarness.with { harness in
            let job = { (name: String, input: String) in
                "name: \(name)\ncommand: echo\nenvironment: azureml:AzureML-x@latest\n"
                    + "inputs:\n  d: {type: uri_folder, path: azureml://jobs/\(input)/outputs/model/paths/m/}\n"
            }
            try harness.write(["a.yml": job("a", "producer"), "b.yml": job("b", "a")])
            let missing = try await harness.plan([harness.path("a.yml"), harness.path("b.yml")])
            #expect(
                missing.errors.map(\.message) == [
                    "`azureml://jobs/producer/outputs/model/paths/m/` names job producer, which neither the manifests "
                        + "nor the workspace define"
                ])
            try harness.write(["producer.yml": "name: producer\ncommand: echo\nenvironment: azureml:AzureML-x@latest\n"]
            )
            try await harness.applyDirectly(try await harness.plan([harness.path("producer.yml")]))
            let plan = try await harness.plan([harness.path("b.yml"), harness.path("a.yml")])
            #expect(Self.actions(plan) == ["<= job.producer", "+ job.a", "+ job.b"])
            #expect(plan.change("job.producer")?.reason == "exists in the workspace, status NotStarted")
            #expect(plan.change("job.b")?.dependsOn == ["job.a"])
        }
    }

    @Test func aVersionTheSetWillCreateIsNoDanglingReference() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "data.yml": "name: fresh\npath: https://example.com/x.csv\ntype: uri_file\n",
                "job.yml": """
                name: uses-fresh
                command: echo
                environment: azureml:AzureML-x@latest
                inputs:
                  d: {type: uri_file, path: azureml:fresh:1}
                """,
            ])
            let plan = try await harness.plan([harness.path("job.yml"), harness.path("data.yml")])
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            #expect(Self.actions(plan) == ["+ data.fresh:1", "+ job.uses-fresh"])
            #expect(plan.change("job.uses-fresh")?.dependsOn == ["data.fresh:1"])
        }
    }

    @Test func graphErrorsStopThePlanBeforeAnyRequest() async throws {
        try await PlanHarness.with { harness in
            let job = { (name: String, input: String) in
                "name: \(name)\ncommand: echo\nenvironment: azureml:AzureML-x@latest\n"
                    + "inputs:\n  d: {type: uri_folder, path: azureml://jobs/\(input)/outputs/model}\n"
            }
            try harness.write(["a.yml": job("a", "b"), "b.yml": job("b", "a")])
            let cycle = try await harness.plan([harness.path("a.yml"), harness.path("b.yml")])
            #expect(
                Self.errors(cycle, in: harness) == [
                    """
                    manifests/a.yml:5:31: error: dependency cycle: job.a → job.b → job.a (each needs the next to exist \
                    first)
                      d: {type: uri_folder, path: azureml://jobs/b/outputs/model}
                                                  ^
                    """
                ])
            try harness.write([
                "one.yml": "name: e\nversion: 1\nimage: python:3.11\n",
                "two.yml": "name: e\nversion: 1\nimage: python:3.12\n",
            ])
            let duplicate = try await harness.plan([harness.path("one.yml"), harness.path("two.yml")])
            #expect(
                Self.errors(duplicate, in: harness) == [
                    """
                    manifests/two.yml:1:1: error: `environment.e:1` is also defined at manifests/one.yml:1:1 \
                    with different content; give one of them another name or version
                    name: e
                    ^
                    """
                ])
            #expect(harness.service.requests.isEmpty)
        }
    }

    @Test func buildContextsCompareWithoutTheirStorageURL() async throws {
        try await PlanHarness.with { harness in
            try harness.write([
                "env.yml": "name: built\nversion: 1\nbuild: {path: ctx}\ntags: {team: ml}\n",
                "ctx/Dockerfile": "FROM python:3.11\n",
            ])
            let plan = try await harness.plan([harness.path("env.yml")])
            let change = try #require(plan.changes.first)
            #expect(change.action == .create)
            #expect(change.body?.placeholders == [.datastoreContainer("workspaceblobstore")])
            #expect(change.uploads.map(\.prefix) == ["LocalUpload/\(change.uploads[0].hash)/ctx"])
            try await harness.applyDirectly(plan)
            let stored = try #require(
                try await harness.client.getResource(
                    "/environments/built/versions/1", apiVersion: APIVersion.environments))
            let contextURI = try #require(stored.properties["build"]?["contextUri"]?.stringValue)
            #expect(contextURI.hasPrefix(harness.server.url))
            #expect(try await harness.plan([harness.path("env.yml")]).changes.map(\.action) == [.noOp])

            var properties = stored.properties
            properties["tags"] = ["team": "research"]
            try await harness.put(
                "/environments/built/versions/1", apiVersion: APIVersion.environments,
                ["properties": .object(properties)])
            let drift = try await harness.plan([harness.path("env.yml")])
            #expect(drift.changes.map(\.action) == [.update])
            // The update sends the storage URL the version holds, with no slot left for an apply to fill.
            #expect(drift.changes[0].body?.json["properties"]?["build"]?["contextUri"] == .string(contextURI))
            #expect(drift.changes[0].body?.slots == [])
        }
    }
}
