import AzureML
import DeployPlan
import Testing

@Suite struct ResourceDiffTests {
    static func existing(_ properties: JSONObject, tags: [String: String]? = nil, location: String? = nil)
        -> ARMResource
    {
        ARMResource(id: "/x", name: "1", type: "t", properties: properties, location: location, tags: tags)
    }

    @Test func serverAdditionsDefaultsAndEnumCaseAreNoDrift() {
        let desired: JSONValue = [
            "properties": [
                "image": "python", "osType": "linux", "isAnonymous": false, "isArchived": false, "tags": [:],
                "properties": ["deploy.spec_hash": "x", "deploy.source": "env.yml"],
                "inferenceConfig": ["livenessRoute": ["port": 5001, "path": "/live"]],
            ]
        ]
        let existing = Self.existing([
            "image": "python", "osType": "Linux", "environmentType": "UserCreated", "provisioningState": "Succeeded",
            "autoRebuild": "Disabled", "properties": ["azureml.labels": "x"],
            "inferenceConfig": ["livenessRoute": ["port": 5001.0, "path": "/live", "timeout": 3]],
        ])
        #expect(
            ResourceDiff(kind: .environment, contentMatches: false).differences(desired: desired, existing: existing)
                == [])
    }

    @Test func mutableAndCreateOnlyFieldsAreToldApart() {
        let desired: JSONValue = [
            "properties": [
                "image": "python:3.12", "description": "new", "tags": ["a": "1"],
                "inferenceConfig": ["scoringRoute": ["port": 8080, "path": "/score"]],
            ]
        ]
        let existing = Self.existing([
            "image": "python:3.11", "description": "old", "tags": ["a": "1", "b": "2"],
            "inferenceConfig": ["scoringRoute": ["port": 5001, "path": "/score"]],
        ])
        #expect(
            ResourceDiff(kind: .environment, contentMatches: false).differences(desired: desired, existing: existing)
                == [
                    FieldDifference(path: "image", before: "python:3.11", after: "python:3.12", isCreateOnly: true),
                    FieldDifference(path: "description", before: "old", after: "new", isCreateOnly: false),
                    FieldDifference(path: "tags.b", before: "2", after: nil, isCreateOnly: false),
                    FieldDifference(
                        path: "inferenceConfig.scoringRoute.port", before: 5001, after: 8080, isCreateOnly: true),
                ])
        // The same spec hash: create-only fields were sent from this spec, only mutable ones are compared.
        #expect(
            ResourceDiff(kind: .environment, contentMatches: true).differences(desired: desired, existing: existing)
                .map(\.path) == ["description", "tags.b"])
    }

    @Test func removedCreateOnlyFieldsAreReportedForResourcesDeployCreated() {
        let desired: JSONValue = ["properties": ["image": "python"]]
        let existing = Self.existing(["image": "python", "condaFile": "name: x\n", "description": "kept"])
        #expect(
            ResourceDiff(kind: .environment, contentMatches: false).differences(desired: desired, existing: existing)
                == [])
        #expect(
            ResourceDiff(kind: .environment, contentMatches: false, reportsRemovals: true)
                .differences(desired: desired, existing: existing) == [
                    FieldDifference(path: "condaFile", before: "name: x\n", after: nil, isCreateOnly: true)
                ])
    }

    @Test func propertiesBagsCompareOnTheKeysSent() {
        let desired: JSONValue = [
            "properties": ["properties": ["p": "1", "q": "2", "mlflow.source.git.commit": "new"]]
        ]
        let existing = Self.existing([
            "properties": ["p": "1", "q": "3", "server": "x", "mlflow.source.git.commit": "old"]
        ])
        #expect(
            ResourceDiff(kind: .job, contentMatches: false).differences(desired: desired, existing: existing) == [
                FieldDifference(path: "properties.q", before: "3", after: "2", isCreateOnly: true)
            ])
        #expect(
            ResourceDiff(kind: .data, contentMatches: false).differences(desired: desired, existing: existing) == [
                FieldDifference(path: "properties.q", before: "3", after: "2", isCreateOnly: false)
            ])
        let added = Self.existing(["properties": ["p": "1"]])
        #expect(
            ResourceDiff(kind: .job, contentMatches: false).differences(desired: desired, existing: added) == [
                FieldDifference(path: "properties.q", before: nil, after: "2", isCreateOnly: false)
            ])
        let code: JSONValue = ["properties": ["properties": ["hash_sha256": "new", "hash_version": 202208]]]
        #expect(
            ResourceDiff(kind: .code, contentMatches: false)
                .differences(
                    desired: code,
                    existing: Self.existing(["properties": ["hash_sha256": "old", "hash_version": 202208]]))
                == [FieldDifference(path: "properties.hash_sha256", before: "old", after: "new", isCreateOnly: true)])
    }

    @Test func applyTimeFieldsMatchAsPatterns() {
        let template = TemplateString([
            .placeholder(.datastoreContainer("workspaceblobstore")), .text("/LocalUpload/abc/ctx/"),
        ])
        let diff = ResourceDiff(
            kind: .environment, contentMatches: false, patternFields: [["properties", "build", "contextUri"]: template])
        let desired: JSONValue = [
            "properties": ["build": ["contextUri": "<datastore workspaceblobstore>/LocalUpload/abc/ctx/"]]
        ]
        let same = Self.existing([
            "build": ["contextUri": "http://127.0.0.1:9/blob/local/workspace-blobstore/LocalUpload/abc/ctx/"]
        ])
        let other = Self.existing(["build": ["contextUri": "https://a.blob.core.windows.net/c/LocalUpload/def/ctx/"]])
        #expect(diff.differences(desired: desired, existing: same) == [])
        #expect(diff.differences(desired: desired, existing: other).map(\.path) == ["build.contextUri"])
        let skipped = ResourceDiff(
            kind: .data, contentMatches: false, skippedFields: [["properties", "referencedUris"]])
        #expect(
            skipped.differences(
                desired: ["properties": ["referencedUris": "<paths of the MLTable file>"]],
                existing: Self.existing(["referencedUris": ["./a.csv"]])) == [])
    }

    @Test func computesCompareTheirLocationAndTags() {
        let desired: JSONValue = [
            "location": "West Europe", "tags": ["deploy.spec_hash": "x", "team": "ml"],
            "properties": ["computeType": "AmlCompute", "properties": ["vmSize": "STANDARD_DS3_V2"]],
        ]
        let existing = Self.existing(
            [
                "computeType": "amlcompute", "properties": ["vmSize": "STANDARD_DS3_V2"],
                "provisioningState": "Succeeded",
            ],
            tags: ["deploy.spec_hash": "y", "team": "ml"], location: "westeurope")
        #expect(
            ResourceDiff(kind: .compute, contentMatches: false).differences(desired: desired, existing: existing) == [])
        let moved = Self.existing(["computeType": "AmlCompute"], tags: [:], location: "eastus")
        #expect(
            ResourceDiff(kind: .compute, contentMatches: false).differences(desired: desired, existing: moved) == [
                FieldDifference(
                    path: "properties", before: nil, after: ["vmSize": "STANDARD_DS3_V2"], isCreateOnly: false),
                FieldDifference(path: "location", before: "eastus", after: "West Europe", isCreateOnly: true),
                FieldDifference(path: "tags.team", before: nil, after: "ml", isCreateOnly: false),
            ])
    }
}
