import AzureML
import DeployApply
import DeployCLI
import DeployPlan
import DeployYAML
import Foundation
import Testing
import WorkspaceClient

@Suite struct PlanApplierTests {
    @Test func appliesTheExampleManifestsIntoAnEmptyWorkspaceAndASecondRunWritesNothing() async throws {
        try await ApplyHarness.with { harness in
            try harness.copyRepositoryManifests()
            let plan = try await harness.plan()
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            #expect(plan.summary.create == 5)
            harness.service.reset()
            let events = EventLog()
            let result = try await harness.apply(plan, events: events)
            #expect(result.succeeded, "\(result.failures.map(\.outcome))")
            #expect(result.summary.created == 5)
            #expect(result.reports.map(\.address) == plan.changes.map(\.address))

            #expect(try await harness.stored(.compute) == ["cpu-cluster"])
            #expect(try await harness.stored(.environment).count == 1)
            #expect(try await harness.stored(.code).count == 1)
            #expect(try await harness.stored(.job).count == 2)
            let compute = try #require(
                try await harness.client.getResource(ResourceID(kind: .compute, name: "cpu-cluster")))
            #expect(compute.properties["provisioningState"]?.stringValue == "Succeeded")

            // Every write happened once: one PUT per resource, the code snapshot's and the input's uploads.
            let writes = harness.service.writes
            let puts = writes.filter { $0.hasPrefix("PUT /") }
            #expect(puts.count == 5)
            #expect(Set(puts).count == 5)
            #expect(writes.filter { $0.hasSuffix("/startPendingUpload") }.count == 1)
            #expect(writes.filter { $0.hasSuffix("/listSecrets") }.count == 1)
            for report in result.reports where report.kind == "job" {
                #expect(report.status == "NotStarted")
            }
            let code = try #require(result.reports.first { $0.kind == "code" })
            #expect(code.uploads.uploadedFiles == 1)
            #expect(events.events.contains { if case .uploading(code.address, _, _) = $0 { true } else { false } })

            let again = try await harness.plan()
            #expect(!again.hasChanges)
            harness.service.reset()
            let second = try await harness.apply(again)
            #expect(second.succeeded)
            #expect(second.summary.created == 0)
            #expect(harness.service.requests.isEmpty)
        }
    }

    static let conda = "channels: [conda-forge]\ndependencies:\n  - python=3.11\n  - pip\n"

    static func environment(name: String, version: String?) -> String {
        "name: \(name)\n" + (version.map { "version: \"\($0)\"\n" } ?? "")
            + "image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\nconda_file: conda.yaml\n"
    }

    static func job(environment: String, name: String? = nil, command: String = "echo hello") -> String {
        (name.map { "name: \($0)\n" } ?? "")
            + "experiment_name: exp\ncommand: \(command)\nenvironment: \(environment)\n"
    }

    @Test func aChangedCondaFileMakesANewVersionOfAVersionlessEnvironment() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "conda.yaml": Self.conda, "env.yaml": Self.environment(name: "app-env", version: nil),
                "job.yaml": Self.job(environment: "azureml:app-env@latest"),
            ])
            let first = try await harness.apply(try await harness.plan())
            #expect(first.succeeded)
            #expect(try await harness.stored(.environment) == ["app-env:1"])
            try harness.write(["conda.yaml": Self.conda + "  - pip:\n    - lightgbm\n"])
            let plan = try await harness.plan()
            let environment = try #require(plan.change("environment.app-env:2"))
            #expect(environment.action == .create)
            harness.service.reset()
            let second = try await harness.apply(plan)
            #expect(second.succeeded)
            #expect(second.reports.first { $0.address == "environment.app-env:2" }?.outcome == .created)
            #expect(try await harness.stored(.environment) == ["app-env:1", "app-env:2"])
            #expect(try await harness.stored(.job).count == 2)
        }
    }

    @Test func aChangedCondaFileOfAPinnedVersionIsAConflictAndNothingIsWritten() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "conda.yaml": Self.conda, "env.yaml": Self.environment(name: "app-env", version: "1"),
                "job.yaml": Self.job(environment: "azureml:app-env:1"),
            ])
            #expect(try await harness.apply(try await harness.plan()).succeeded)
            try harness.write([
                "conda.yaml": Self.conda + "  - numpy\n", "other.yaml": Self.environment(name: "other", version: "1"),
            ])
            let plan = try await harness.plan()
            #expect(plan.change("environment.app-env:1")?.action == .conflict)
            harness.service.reset()
            await #expect(throws: ApplyError.invalidPlan("the plan has 1 conflict; nothing was applied")) {
                try await harness.apply(plan)
            }
            #expect(harness.service.requests.isEmpty)
            #expect(try await harness.stored(.environment) == ["app-env:1"])
        }
    }

    @Test func aPlanWithErrorsIsRefused() async throws {
        try await ApplyHarness.with { harness in
            try harness.write(["job.yaml": Self.job(environment: "azureml:missing-env:3")])
            let plan = try await harness.plan()
            #expect(!plan.errors.isEmpty)
            harness.service.reset()
            await #expect(throws: ApplyError.invalidPlan("the plan has 1 error; nothing was applied")) {
                try await harness.apply(plan)
            }
            #expect(harness.service.requests.isEmpty)
        }
    }

    @Test func uploadsMarkTheIndicatorAndAreSkippedWhenTheMarkIsThere() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "table/a.csv": "x\n1\n", "table/b.csv": "x\n2\n",
                "data.yaml": "name: table\nversion: \"1\"\ntype: uri_folder\npath: table\n",
            ])
            let result = try await harness.apply(try await harness.plan())
            #expect(result.succeeded)
            let report = try #require(result.reports.first)
            #expect(report.uploads == UploadSummary(uploadedFiles: 2, existingFiles: 0, bytes: 8))
            let writes = harness.service.writes.filter { $0.contains(" blob ") }
            let hash = try #require(writes.first?.split(separator: "/").dropFirst(2).first)
            #expect(
                writes == [
                    "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/a.csv",
                    "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/b.csv",
                    "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/a.csv?comp=metadata",
                ]
                    || writes == [
                        "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/b.csv",
                        "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/a.csv",
                        "PUT blob workspace-blobstore/LocalUpload/\(hash)/table/a.csv?comp=metadata",
                    ])
            let data = try #require(
                try await harness.client.getResource(ResourceID(kind: .data, name: "table", version: "1")))
            let uri = try #require(data.properties["dataUri"]?.stringValue)
            #expect(uri == "azureml://datastores/workspaceblobstore/paths/LocalUpload/\(hash)/table")

            let datastore = try #require(
                try await harness.client.getResource(
                    "/datastores/workspaceblobstore", apiVersion: APIVersion.datastores))
            let secrets = try DatastoreSecrets(
                json: try #require(
                    try await harness.client.sendExpectingSuccess(
                        ARMRequest(
                            method: "POST", path: "/datastores/workspaceblobstore/listSecrets",
                            apiVersion: APIVersion.datastores)
                    ).body))
            let container = try #require(try DatastoreProperties(json: .object(datastore.properties)).containerURL)
            let indicator = BlobURL(address: container.address, query: try #require(secrets.sasToken))
                .appending(blobName: "LocalUpload/\(hash)/table/a.csv")
            let properties = try await BlobUploader(service: harness.client).properties(of: indicator)
            #expect(properties?.metadata == ["upload_status": "completed", "name": "table", "version": "1"])

            // Another asset of the same folder: the indicator says the upload is complete, so nothing is sent.
            try harness.write(["copy.yaml": "name: copy\nversion: \"1\"\ntype: uri_folder\npath: table\n"])
            harness.service.reset()
            let second = try await harness.apply(try await harness.plan())
            #expect(second.succeeded)
            #expect(second.reports.first { $0.name == "copy" }?.uploads == UploadSummary(existingFiles: 2))
            #expect(harness.service.writes.filter { $0.contains(" blob ") }.isEmpty)
            #expect(harness.service.requests.filter { $0.hasPrefix("HEAD blob") }.count == 1)
        }
    }

    @Test func largeFilesAreSentInBlocks() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "big/data.bin": String(repeating: "0123456789", count: 300),
                "data.yaml": "name: big\nversion: \"1\"\ntype: uri_file\npath: big/data.bin\n",
            ])
            let plan = try await harness.plan()
            let applier = harness.applier(
                uploader: BlobUploader(service: harness.service, singlePutLimit: 1000, blockSize: 1000))
            let result = try await applier.apply(plan)
            #expect(result.succeeded)
            let blobs = harness.service.writes.filter { $0.contains(" blob ") }.map {
                $0.split(separator: "?").last ?? ""
            }
            #expect(blobs.filter { $0 == "comp=block" }.count == 3)
            #expect(blobs.filter { $0 == "comp=blocklist" }.count == 1)
            #expect(blobs.filter { $0 == "comp=metadata" }.count == 1)
        }
    }

    @Test func aFailedChangeStopsTheApplyReportsTheServerErrorAndARerunConverges() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "conda.yaml": Self.conda, "env.yaml": Self.environment(name: "app-env", version: "1"),
                "other.yaml": Self.environment(name: "other-env", version: "1"),
                "job.yaml": Self.job(environment: "azureml:app-env:1"),
            ])
            let plan = try await harness.plan()
            let failing = FailingService(
                harness.service,
                error: ARMErrorResponse(code: "UserError", message: "The image cannot be pulled."), times: 1
            ) { $0.method == "PUT" && $0.path == "/environments/app-env/versions/1" }
            let applier = PlanApplier(
                service: failing, blobs: BlobTransfer(uploader: BlobUploader(service: failing)),
                options: ApplyOptions(parallelism: 1, polling: ApplyHarness.polling))
            let result = try await applier.apply(plan)
            #expect(!result.succeeded)
            let outcomes = Dictionary(uniqueKeysWithValues: result.reports.map { ($0.address, $0.outcome) })
            #expect(
                outcomes["environment.app-env:1"]
                    == .failed(
                        .requestFailed(
                            "PUT /environments/app-env/versions/1", status: 400, code: "UserError",
                            message: "The image cannot be pulled.")))
            #expect(outcomes["environment.other-env:1"] == .notAttempted(.stopped))
            let job = try #require(result.reports.first { $0.kind == "job" })
            #expect(job.outcome == .notAttempted(.dependencyFailed("environment.app-env:1")))
            #expect(try await harness.stored(.job).isEmpty)

            let retry = try await harness.apply(try await harness.plan())
            #expect(retry.succeeded)
            #expect(retry.summary.created == 3)
            #expect(try await harness.stored(.environment) == ["app-env:1", "other-env:1"])
            #expect(try await harness.stored(.job).count == 1)
        }
    }

    @Test func aJobTheWorkspaceAlreadyHoldsIsReportedAsSubmittedNotSubmittedAgain() async throws {
        try await ApplyHarness.with { harness in
            try harness.write([
                "same.yaml": Self.job(environment: "azureml:AzureML-lightgbm-3.3@latest", name: "same-job"),
                "changed.yaml": Self.job(environment: "azureml:AzureML-lightgbm-3.3@latest", name: "changed-job"),
            ])
            let plan = try await harness.plan()
            #expect(plan.summary.create == 2)
            // Someone submits both between the plan and the apply: one as planned, one with another command.
            for change in plan.changes {
                var body = try #require(change.body).json
                if change.name == "changed-job", case .object(var root) = body,
                    case .object(var properties)? = root["properties"]
                {
                    properties["command"] = "echo something else"
                    root["properties"] = .object(properties)
                    body = .object(root)
                }
                _ = try await harness.client.putResource(change.path, apiVersion: change.apiVersion, body: body)
            }
            let result = try await harness.apply(plan)
            #expect(result.succeeded)
            #expect(result.reports.map(\.outcome) == [.alreadySubmitted, .alreadySubmitted])
            #expect(result.reports.map(\.status) == ["NotStarted", "NotStarted"])
            #expect(try await harness.stored(.job) == ["changed-job", "same-job"])
            let changed = try #require(
                try await harness.client.getResource(ResourceID(kind: .job, name: "changed-job")))
            #expect(changed.properties["command"]?.stringValue == "echo something else")
        }
    }

    @Test func remoteMLTablePathsAreReadThroughTheDatastore() async throws {
        try await ApplyHarness.with { harness in
            let datastore = try #require(
                try await harness.client.getResource(
                    "/datastores/workspaceblobstore", apiVersion: APIVersion.datastores))
            let secrets = try DatastoreSecrets(
                json: try #require(
                    try await harness.client.sendExpectingSuccess(
                        ARMRequest(
                            method: "POST", path: "/datastores/workspaceblobstore/listSecrets",
                            apiVersion: APIVersion.datastores)
                    ).body))
            let container = try #require(try DatastoreProperties(json: .object(datastore.properties)).containerURL)
            try harness.write(["MLTable": "paths:\n  - file: ./iris.csv\n  - pattern: ./*.parquet\n"])
            _ = try await BlobUploader(service: harness.client).upload(
                file: harness.path("MLTable"),
                to: BlobURL(address: container.address, query: try #require(secrets.sasToken))
                    .appending(blobName: "tables/iris/MLTable"))
            try harness.write([
                "iris.yaml":
                    "name: iris-table\nversion: \"1\"\ntype: mltable\n"
                    + "path: azureml://datastores/workspaceblobstore/paths/tables/iris/\n",
                "missing.yaml":
                    "name: missing-table\nversion: \"1\"\ntype: mltable\n"
                    + "path: azureml://datastores/workspaceblobstore/paths/tables/none/\n",
            ])
            let result = try await harness.apply(try await harness.plan(["iris.yaml", "missing.yaml"]))
            #expect(result.succeeded)
            let iris = try #require(
                try await harness.client.getResource(ResourceID(kind: .data, name: "iris-table", version: "1")))
            #expect(iris.properties["referencedUris"] == ["./iris.csv", "./*.parquet"])
            let missing = try #require(
                try await harness.client.getResource(ResourceID(kind: .data, name: "missing-table", version: "1")))
            #expect(missing.properties["referencedUris"] == nil)
        }
    }
}
