import AzureML
import Testing

@Suite struct WireModelTests {
    @Test func environmentNeedsExactlyOneOfImageAndBuild() throws {
        let both = try JSONValue(parsing: #"{"image": "i", "build": {"contextUri": "https://x/"}}"#)
        #expect(
            throws: AzureMLError.invalidBody(
                "an environment takes either an image or a build context, not both", field: "properties")
        ) { try EnvironmentVersionProperties(json: both) }
        let neither = try JSONValue(parsing: #"{"condaFile": "x"}"#)
        #expect(
            throws: AzureMLError.invalidBody(
                "an environment needs an image or a build context",
                field: "properties.image")
        ) { try EnvironmentVersionProperties(json: neither) }
    }

    @Test func environmentRoundTripsTheSDKBody() throws {
        let body = try JSONValue(
            parsing: #"""
                {"condaFile": "channels:\n- conda-forge\n", "image": "mcr.microsoft.com/azureml/x:latest",
                 "osType": "linux", "tags": {"a": "b"}, "isAnonymous": false, "isArchived": false,
                 "inferenceConfig": {"livenessRoute": {"port": 5001, "path": "/live"}}, "description": "Env desc"}
                """#)
        let environment = try EnvironmentVersionProperties(json: body)
        #expect(environment.osType == "linux")
        #expect(environment.json == body)
    }

    @Test func dataAndCodeRoundTrip() throws {
        let data = try JSONValue(
            parsing: #"""
                {"description": "local file", "isAnonymous": false, "tags": {"k": "v"}, "isArchived": false,
                 "properties": {}, "dataUri": "azureml://datastores/workspaceblobstore/paths/LocalUpload/h/x.csv",
                 "dataType": "uri_file"}
                """#)
        #expect(try DataVersionProperties(json: data).json == data)
        let code = try JSONValue(
            parsing: #"""
                {"codeUri": "https://acct.blob.core.windows.net/c/src", "isAnonymous": true,
                 "properties": {"hash_sha256": "250ad357", "hash_version": 202208}}
                """#)
        let parsed = try CodeVersionProperties(json: code)
        #expect(parsed.contentHash == "250ad357")
        #expect(parsed.contentHashVersion == 202208)
        #expect(parsed.json == code)
        #expect(
            CodeVersionProperties(codeUri: "https://acct.blob.core.windows.net/c/src", contentHash: "250ad357").json
                == code)
    }

    @Test func dataRejectsUnknownTypes() throws {
        let data = try JSONValue(parsing: #"{"dataType": "table", "dataUri": "x"}"#)
        #expect(
            throws: AzureMLError.invalidBody(
                "'table' is not one of 'uri_file', 'uri_folder', 'mltable'",
                field: "properties.dataType")
        ) { try DataVersionProperties(json: data) }
    }

    @Test func computeRoundTripsAndChecksScale() throws {
        let compute = ComputeProperties(
            vmSize: "STANDARD_DS3_V2", vmPriority: "Dedicated", minNodeCount: 0, maxNodeCount: 4,
            nodeIdleTimeBeforeScaleDown: "PT2M")
        #expect(try ComputeProperties(json: compute.json) == compute)
        let bad = try JSONValue(
            parsing:
                #"{"computeType": "AmlCompute", "properties": {"scaleSettings": {"minNodeCount": 5, "maxNodeCount": 2}}}"#
        )
        #expect(
            throws: AzureMLError.invalidBody(
                "minNodeCount (5) exceeds maxNodeCount (2)",
                field: "properties.properties.scaleSettings.minNodeCount")
        ) { try ComputeProperties(json: bad) }
    }

    @Test func armEnvelopeAndPagesRoundTrip() throws {
        let resource = ARMResource(
            id: "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/jobs/j",
            name: "j", type: ResourceKind.job.armType, properties: ["status": "NotStarted"],
            systemData: SystemData(
                createdAt: "2026-01-01T00:00:00Z", createdBy: "me", createdByType: "User",
                lastModifiedAt: "2026-01-01T00:00:00Z", lastModifiedBy: "me", lastModifiedByType: "User"))
        #expect(try ARMResource(json: resource.json) == resource)
        let page = ARMPage(value: [resource], nextLink: "https://x/next")
        #expect(try ARMPage(json: page.json) == page)
    }

    @Test func armErrorsRenderLikeAz() throws {
        let body = try JSONValue(
            parsing:
                #"{"error": {"code": "UserError", "message": "Asset paths cannot be updated.", "target": "dataUri"}}"#
        )
        let error = try #require(ARMErrorResponse(json: body))
        #expect(error.description == "(UserError) Asset paths cannot be updated. [target: dataUri]")
        #expect(error.json == body)
        #expect(ARMErrorResponse(json: ["value": []]) == nil)
    }

    @Test func pendingUploadReadsTheSDKAnswer() throws {
        let body = try JSONValue(
            parsing: #"""
                {"blobReferenceForConsumption": {"blobUri": "https://a.blob.core.windows.net/c",
                  "storageAccountArmId": "/subscriptions/s", "credential": {"credentialType": "SAS",
                  "sasUri": "https://a.blob.core.windows.net/c?sig=x"}},
                 "pendingUploadId": "p1", "pendingUploadType": "TemporaryBlobReference"}
                """#)
        let upload = try PendingUpload(json: body)
        #expect(upload.sasUri == "https://a.blob.core.windows.net/c?sig=x")
        #expect(upload.json == body)
    }

    @Test(arguments: [
        ("PT1H", 3600.0), ("P1DT1H1M1S", 90061.0), ("PT30S", 30.0), ("PT1.5S", 1.5), ("P1W", 604800.0),
        ("pt10m", 600.0),
    ])
    func parsesDurations(text: String, seconds: Double) {
        #expect(ISODuration.seconds(text) == seconds)
    }

    @Test(arguments: ["", "P", "PT", "1H", "P1M", "PT1H2", "PTXS", "P1Y"])
    func rejectsNonDurations(text: String) {
        #expect(ISODuration.seconds(text) == nil)
    }
}

@Suite struct DatastoreSecretsTests {
    @Test func neverPrintsTheSecret() {
        let secrets = DatastoreSecrets(secretsType: "AccountKey", key: "c2VjcmV0LWtleQ==")
        #expect("\(secrets)" == "DatastoreSecrets(AccountKey, <redacted>)")
        #expect(String(reflecting: secrets) == "DatastoreSecrets(AccountKey, <redacted>)")
        #expect(!"\(secrets)".contains("c2VjcmV0"))
    }
}
