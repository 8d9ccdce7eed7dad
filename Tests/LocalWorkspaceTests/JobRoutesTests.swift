import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct JobRoutesTests {
    @Test func jobsAreCreatedNotStartedAndOnlyMutableFieldsChange() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/jobs/job1"
            let body = ws.commandJob(extra: ["tags": ["a": "1"], "properties": ["p": "1"]])
            let created = try await ws.arm(.PUT, path, apiVersion: APIVersion.commandJob, body: body)
            #expect(created.status == 201)
            #expect(created.json["properties"]?["status"] == "NotStarted")
            #expect(created.json["name"] == "job1")
            #expect(created.json["type"] == "Microsoft.MachineLearningServices/workspaces/jobs")
            #expect(created.json["id"]?.stringValue == path)
            #expect(created.json["properties"]?["provisioningState"] == nil)

            let same = try await ws.arm(.PUT, path, apiVersion: APIVersion.commandJob, body: body)
            #expect(same.status == 200)

            var mutable = body.objectValue!["properties"]!.objectValue!
            mutable["description"] = "d"
            mutable["displayName"] = "renamed"
            mutable["tags"] = ["b": "2"]
            mutable["isArchived"] = true
            mutable["properties"] = ["p": "1", "q": "2"]
            let updated = try await ws.arm(
                .PUT, path, apiVersion: APIVersion.commandJob, body: ["properties": .object(mutable)])
            #expect(updated.status == 200)
            #expect(updated.json["properties"]?["tags"] == ["b": "2"])
            #expect(updated.json["properties"]?["properties"] == ["p": "1", "q": "2"])
            #expect(updated.json["properties"]?["displayName"] == "renamed")

            var command = mutable
            command["command"] = "python other.py"
            let rejected = try await ws.arm(
                .PUT, path, apiVersion: APIVersion.commandJob, body: ["properties": .object(command)])
            #expect(rejected.status == 409)
            #expect(rejected.errorCode == "UserError")
            #expect(
                rejected.errorMessage == "A job with name 'job1' already exists and its command cannot be changed. "
                    + "Only description, displayName, tags, isArchived, services, notificationSetting and new "
                    + "properties can be updated.")

            var property = mutable
            property["properties"] = ["p": "changed"]
            let propertyChange = try await ws.arm(
                .PUT, path, apiVersion: APIVersion.commandJob, body: ["properties": .object(property)])
            #expect(propertyChange.status == 409)
            #expect(
                propertyChange.errorMessage == "The job property 'p' already has the value '1' and cannot be changed; "
                    + "job properties can only be added.")

            let fetched = try await ws.arm(.GET, path, apiVersion: APIVersion.jobs)
            #expect(fetched.json["properties"]?["command"] == "python main.py")
            #expect(fetched.json["properties"]?["description"] == "d")
        }
    }

    @Test func missingReferencesAreRejectedNamingTheId() async throws {
        try await TestWorkspace.with { ws in
            let envID = ws.workspacePath + "/environments/myenv/versions/1"
            let missingEnv = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(environmentId: envID))
            #expect(missingEnv.status == 400)
            #expect(missingEnv.errorCode == "UserError")
            #expect(
                missingEnv.errorMessage
                    == "properties.environmentId refers to '\(envID)', which does not exist in this workspace.")
            #expect(missingEnv.json["error"]?["target"] == "properties.environmentId")

            try await ws.putEnvironment("myenv", "1")
            let codeID = ws.workspacePath + "/codes/c/versions/1"
            let computeID = ws.workspacePath + "/computes/cpu-cluster"
            let dataID = ws.workspacePath + "/data/iris/versions/1"
            let missingCode = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(environmentId: envID, extra: ["codeId": .string(codeID)]))
            #expect(missingCode.status == 400)
            #expect(missingCode.json["error"]?["target"] == "properties.codeId")

            let missingCompute = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(environmentId: envID, extra: ["computeId": .string(computeID)]))
            #expect(missingCompute.status == 400)
            #expect(missingCompute.errorMessage?.contains(computeID) == true)

            let missingInput = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(
                    environmentId: envID,
                    extra: ["inputs": ["d": ["jobInputType": "uri_file", "uri": .string(dataID)]]]))
            #expect(missingInput.status == 400)
            #expect(missingInput.json["error"]?["target"] == "properties.inputs.d.uri")

            let otherWorkspace = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(
                    environmentId: envID.replacingOccurrences(of: "/workspaces/local/", with: "/workspaces/other/")))
            #expect(otherWorkspace.status == 400)

            try await ws.createCompute("cpu-cluster")
            #expect(
                try await ws.arm(
                    .PUT, ws.workspacePath + "/data/iris/versions/1",
                    body: ["properties": ["dataType": "uri_file", "dataUri": "https://x/iris.csv"]]
                ).status == 201)
            let accepted = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(
                    environmentId: envID,
                    extra: [
                        "computeId": .string(computeID),
                        "inputs": [
                            "d": ["jobInputType": "uri_file", "uri": .string(dataID)],
                            "latest": ["jobInputType": "uri_file", "uri": "azureml:iris@latest"],
                            "web": ["jobInputType": "uri_file", "uri": "https://example.com/x.csv"],
                            "lr": ["jobInputType": "literal", "value": "0.1"],
                        ],
                    ]))
            #expect(accepted.status == 201)

            let curated = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/curated", apiVersion: APIVersion.commandJob,
                body: ws.commandJob(
                    environmentId: "azureml://registries/azureml/environments/sklearn/labels/latest",
                    extra: ["computeId": .string(ws.workspacePath + "/computes/serverless")]))
            #expect(curated.status == 201)
        }
    }

    @Test func malformedJobsGet400() async throws {
        try await TestWorkspace.with { ws in
            let noCommand = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/j", apiVersion: APIVersion.commandJob,
                body: ["properties": ["jobType": "Command", "environmentId": "azureml:AzureML-x@latest"]])
            #expect(noCommand.status == 400)
            #expect(noCommand.errorMessage == "Invalid request body: properties.command: required field is missing")
            let sweep = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/s", apiVersion: APIVersion.jobs,
                body: ["properties": ["jobType": "Sweep"]])
            #expect(sweep.status == 400)
            #expect(sweep.json["error"]?["target"] == "properties.trial")
            let badType = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/p", apiVersion: APIVersion.jobs,
                body: ["properties": ["jobType": "Pipeline"]])
            #expect(badType.status == 400)
            #expect(badType.json["error"]?["target"] == "properties.jobType")
        }
    }

    @Test func listFiltersByTypeTagParentAndArchive() async throws {
        try await TestWorkspace.with { ws in
            let sweep: JSONValue = [
                "properties": [
                    "jobType": "Sweep", "tags": ["team": "b"],
                    "trial": ["command": "python t.py", "environmentId": "azureml:AzureML-x@latest"],
                    "searchSpace": ["lr": ["uniform", [0.1, 1]]],
                    "samplingAlgorithm": ["samplingAlgorithmType": "Random"],
                    "objective": ["goal": "minimize", "primaryMetric": "loss"],
                    "limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 2],
                ]
            ]
            #expect(
                try await ws.arm(.PUT, ws.workspacePath + "/jobs/sweep", apiVersion: APIVersion.jobs, body: sweep)
                    .status == 201)
            let jobs: [(String, JSONObject)] = [
                ("a", ["tags": ["team": "a"]]),
                ("child", ["parentJobName": "sweep"]),
                ("archived", ["isArchived": true]),
            ]
            for (name, extra) in jobs {
                let response = try await ws.arm(
                    .PUT, ws.workspacePath + "/jobs/\(name)", apiVersion: APIVersion.commandJob,
                    body: ws.commandJob(extra: extra))
                #expect(response.status == 201)
            }
            func names(_ query: String) async throws -> [String] {
                let response = try await ws.arm(.GET, ws.workspacePath + "/jobs" + query, apiVersion: APIVersion.jobs)
                #expect(response.status == 200)
                return response.json["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            #expect(try await names("") == ["child", "a", "sweep"])
            #expect(try await names("?jobType=Sweep") == ["sweep"])
            #expect(try await names("?tag=team") == ["a", "sweep"])
            #expect(try await names("?tag=team=a") == ["a"])
            #expect(try await names("?parentJobName=sweep") == ["child"])
            #expect(try await names("?listViewType=ArchivedOnly") == ["archived"])
            #expect(try await names("?listViewType=All&$top=1") == ["archived"])
            let bad = try await ws.arm(.GET, ws.workspacePath + "/jobs?jobType=Pipeline", apiVersion: APIVersion.jobs)
            #expect(bad.status == 400)
        }
    }

    @Test func cancelAndDeleteAreAsynchronousOperations() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/jobs/j"
            #expect(
                try await ws.arm(.PUT, path, apiVersion: APIVersion.commandJob, body: ws.commandJob()).status == 201)
            let cancel = try await ws.arm(.POST, path + "/cancel", apiVersion: APIVersion.jobCancel)
            #expect(cancel.status == 202)
            #expect(cancel.header("Retry-After") == "1")
            #expect(cancel.header("Azure-AsyncOperation") == nil)
            let location = try #require(cancel.header("Location"))
            #expect(
                location.hasPrefix(
                    ws.server.url + "/subscriptions/00000000-0000-0000-0000-000000000000/providers/"
                        + "Microsoft.MachineLearningServices/locations/local/mfeOperationResults/"))
            let poll = try await ws.arm(.GET, location, apiVersion: nil)
            #expect(poll.status == 204)
            let job = try await ws.arm(.GET, path, apiVersion: APIVersion.jobs)
            #expect(job.json["properties"]?["status"] == "Canceled")

            let missing = try await ws.arm(
                .POST, ws.workspacePath + "/jobs/none/cancel", apiVersion: APIVersion.jobCancel)
            #expect(missing.status == 404)

            let delete = try await ws.arm(.DELETE, path, apiVersion: APIVersion.jobCancel)
            #expect(delete.status == 202)
            let deleteLocation = try #require(delete.header("Location"))
            #expect(try await ws.arm(.GET, deleteLocation, apiVersion: nil).status == 204)
            #expect(try await ws.arm(.GET, path, apiVersion: APIVersion.jobs).status == 404)
            #expect(try await ws.arm(.DELETE, path, apiVersion: APIVersion.jobCancel).status == 204)
        }
    }

    @Test func cancellingARunningJobWaitsForTheRunner() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/jobs/j"
            #expect(
                try await ws.arm(.PUT, path, apiVersion: APIVersion.commandJob, body: ws.commandJob()).status == 201)
            var events = ws.server.jobEvents.stream.makeAsyncIterator()
            #expect(await events.next() == JobEvent(.created, jobName: "j"))
            #expect(try await ws.server.store.jobNames(withStatus: "NotStarted") == ["j"])
            try await ws.server.store.setJobStatus(name: "j", status: "Running")

            let cancel = try await ws.arm(.POST, path + "/cancel", apiVersion: APIVersion.jobCancel)
            #expect(cancel.status == 202)
            #expect(await events.next() == JobEvent(.cancelRequested, jobName: "j"))
            let location = try #require(cancel.header("Location"))
            let pending = try await ws.arm(.GET, location, apiVersion: nil)
            #expect(pending.status == 202)
            #expect(pending.header("Location") == location)
            #expect(
                try await ws.arm(.GET, path, apiVersion: APIVersion.jobs).json["properties"]?["status"]
                    == "CancelRequested")

            try await ws.server.store.setJobStatus(name: "j", status: "Canceled")
            #expect(try await ws.arm(.GET, location, apiVersion: nil).status == 204)

            _ = try await ws.arm(.DELETE, path, apiVersion: APIVersion.jobCancel)
            #expect(await events.next() == JobEvent(.deleted, jobName: "j"))
        }
    }
}
