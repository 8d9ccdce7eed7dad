import AzureML
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct ComputeRoutesTests {
    static let body: JSONValue = [
        "location": "local", "tags": ["owner": "me"],
        "properties": [
            "computeType": "AmlCompute", "description": "cpu",
            "properties": ["vmSize": "STANDARD_DS3_V2", "scaleSettings": ["maxNodeCount": 2, "minNodeCount": 0]],
        ],
    ]

    @Test func computeCreationIsPolledFromCreatingToSucceeded() async throws {
        try await TestWorkspace.with(options: LocalWorkspaceOptions(provisioningDelay: 3_600)) { ws in
            let path = ws.workspacePath + "/computes/cpu"
            let created = try await ws.arm(.PUT, path, apiVersion: APIVersion.computes, body: Self.body)
            #expect(created.status == 201)
            #expect(created.json["properties"]?["provisioningState"] == "Creating")
            #expect(created.json["location"] == "local")
            #expect(created.json["tags"] == ["owner": "me"])
            #expect(created.json["type"] == "Microsoft.MachineLearningServices/workspaces/computes")
            #expect(created.header("Retry-After") == "1")
            let status = try #require(created.header("Azure-AsyncOperation"))
            let location = try #require(created.header("Location"))
            #expect(status.contains("/locations/local/computeOperationsStatus/"))
            #expect(status.hasSuffix("?api-version=\(APIVersion.computes)"))
            #expect(location.contains("/locations/local/computeOperationResults/"))

            let early = try await ws.arm(.GET, status, apiVersion: nil)
            #expect(early.status == 200)
            #expect(early.json["status"] == "InProgress")
            #expect(try await ws.arm(.GET, location, apiVersion: nil).status == 202)
            #expect(
                try await ws.arm(.GET, path, apiVersion: APIVersion.computes).json["properties"]?["provisioningState"]
                    == "Creating")

            try await ws.finishProvisioning()
            var polls = 0
            while try await ws.arm(.GET, status, apiVersion: nil).json["status"] == "InProgress" {
                polls += 1
                try #require(polls < 100)
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await ws.arm(.GET, status, apiVersion: nil).json["status"] == "Succeeded")
            let result = try await ws.arm(.GET, location, apiVersion: nil)
            #expect(result.status == 200)
            #expect(result.json["properties"]?["provisioningState"] == "Succeeded")
            let fetched = try await ws.arm(.GET, path, apiVersion: APIVersion.computes)
            #expect(fetched.json["properties"]?["provisioningState"] == "Succeeded")
            #expect(fetched.json["properties"]?["properties"]?["vmSize"] == "STANDARD_DS3_V2")

            let again = try await ws.arm(.PUT, path, apiVersion: APIVersion.computes, body: Self.body)
            #expect(again.status == 200)
            #expect(again.header("Azure-AsyncOperation") == nil)

            let list = try await ws.arm(.GET, ws.workspacePath + "/computes", apiVersion: APIVersion.computes)
            #expect(list.json["value"]?.arrayValue?.count == 1)
        }
    }

    @Test func computeDeletionIsAnAsynchronousOperation() async throws {
        try await TestWorkspace.with(options: LocalWorkspaceOptions(provisioningDelay: 3_600)) { ws in
            try await ws.createCompute("gpu")
            let path = ws.workspacePath + "/computes/gpu"
            let deleted = try await ws.arm(
                .DELETE, path + "?underlyingResourceAction=Delete", apiVersion: APIVersion.computes)
            #expect(deleted.status == 202)
            let status = try #require(deleted.header("Azure-AsyncOperation"))
            let deleting = try await ws.arm(.GET, path, apiVersion: APIVersion.computes)
            #expect(deleting.json["properties"]?["provisioningState"] == "Deleting")
            let recreate = try await ws.arm(.PUT, path, apiVersion: APIVersion.computes, body: Self.body)
            #expect(recreate.status == 409)
            #expect(try await ws.arm(.GET, status, apiVersion: nil).json["status"] == "InProgress")
            try await ws.finishProvisioning()
            var polls = 0
            while try await ws.arm(.GET, status, apiVersion: nil).json["status"] != "Succeeded" {
                polls += 1
                try #require(polls < 100)
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await ws.arm(.GET, path, apiVersion: APIVersion.computes).status == 404)
            #expect(try await ws.arm(.DELETE, path, apiVersion: APIVersion.computes).status == 204)
        }
    }

    @Test func computeBodiesAreValidated() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/computes/c1"
            let wrongType = try await ws.arm(
                .PUT, path, apiVersion: APIVersion.computes, body: ["properties": ["computeType": "Kubernetes"]])
            #expect(wrongType.status == 400)
            #expect(wrongType.json["error"]?["target"] == "properties.computeType")
            let badScale = try await ws.arm(
                .PUT, path, apiVersion: APIVersion.computes,
                body: [
                    "properties": ["computeType": "AmlCompute", "properties": ["scaleSettings": ["minNodeCount": 1]]]
                ])
            #expect(badScale.status == 400)
            #expect(
                badScale.errorMessage == "Invalid request body: properties.properties.scaleSettings.maxNodeCount: "
                    + "required field is missing")
        }
    }

    @Test func unknownOperationsAreNotFound() async throws {
        try await TestWorkspace.with { ws in
            let url =
                "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.MachineLearningServices/"
                + "locations/local/computeOperationsStatus/nope"
            let response = try await ws.arm(.GET, url, apiVersion: APIVersion.computes)
            #expect(response.status == 404)
            #expect(response.errorCode == "ResourceNotFound")
        }
    }
}
