import AzureML
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct DatastoreRoutesTests {
    @Test func theDefaultDatastorePointsAtThisServer() async throws {
        try await TestWorkspace.with { ws in
            let response = try await ws.arm(
                .GET, ws.workspacePath + "/datastores/workspaceblobstore", apiVersion: APIVersion.datastores)
            #expect(response.status == 200)
            let datastore = try DatastoreProperties(json: response.json["properties"]!)
            #expect(datastore.datastoreType == "AzureBlob")
            #expect(datastore.accountName == "local")
            #expect(datastore.containerName == "workspace-blobstore")
            #expect(datastore.protocol == "http")
            #expect(datastore.isDefault == true)
            #expect(datastore.endpoint == ws.server.url + "/blob/local")
            #expect(datastore.credentialsType == "Sas")
            #expect(response.json["id"]?.stringValue == ws.workspacePath + "/datastores/workspaceblobstore")

            let list = try await ws.arm(.GET, ws.workspacePath + "/datastores", apiVersion: APIVersion.datastores)
            #expect(list.json["value"]?.arrayValue?.count == 1)
            let missing = try await ws.arm(
                .GET, ws.workspacePath + "/datastores/other", apiVersion: APIVersion.datastores)
            #expect(missing.status == 404)
        }
    }

    @Test func listSecretsAnswersAContainerSASThatWorks() async throws {
        try await TestWorkspace.with { ws in
            let response = try await ws.arm(
                .POST, ws.workspacePath + "/datastores/workspaceblobstore/listSecrets",
                apiVersion: APIVersion.datastores, body: DatastoreSecrets.requestBody)
            #expect(response.status == 200)
            let secrets = try DatastoreSecrets(json: response.json)
            #expect(secrets.secretsType == "Sas")
            let token = try #require(secrets.sasToken)
            #expect(!token.hasPrefix("?"))
            #expect(token.contains("sr=c"))
            let blob = ws.server.url + "/blob/local/workspace-blobstore/LocalUpload/abc/x.csv?" + token
            let put = try await TestWorkspace.send(
                .PUT, blob, body: Array("a,b\n".utf8), headers: [("x-ms-blob-type", "BlockBlob")])
            #expect(put.status == 201)

            let bad = try await ws.arm(
                .POST, ws.workspacePath + "/datastores/workspaceblobstore/listSecrets",
                apiVersion: APIVersion.datastores, body: ["expireAfterHours": "one"])
            #expect(bad.status == 400)
            #expect(bad.json["error"]?["target"] == "expireAfterHours")
        }
    }
}
