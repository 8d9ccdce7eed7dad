import AzureML
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct AssetRoutesTests {
    @Test func environmentVersionsAreCreatedThenUnchangedThenUpdatedThenConflict() async throws {
        try await TestWorkspace.with { ws in
            let created = try await ws.putEnvironment("env", "1", extra: ["description": "first"])
            #expect(created.status == 201)
            #expect(created.json["id"]?.stringValue == ws.workspacePath + "/environments/env/versions/1")
            #expect(created.json["name"] == "1")
            #expect(created.json["type"] == "Microsoft.MachineLearningServices/workspaces/environments/versions")
            #expect(created.json["properties"]?["provisioningState"] == "Succeeded")
            #expect(created.json["properties"]?["environmentType"] == "UserCreated")
            #expect(created.json["properties"]?["image"] == "python:3.11")
            #expect(created.json["systemData"]?["createdAt"]?.stringValue?.hasSuffix("Z") == true)
            #expect(created.json["systemData"]?["createdByType"] == "User")

            let again = try await ws.putEnvironment("env", "1", extra: ["description": "first"])
            #expect(again.status == 200)
            #expect(again.json["systemData"] == created.json["systemData"])

            let described = try await ws.putEnvironment(
                "env", "1", extra: ["description": "second", "tags": ["a": "b"]])
            #expect(described.status == 200)
            #expect(described.json["properties"]?["description"] == "second")
            #expect(described.json["properties"]?["tags"] == ["a": "b"])

            let changed = try await ws.putEnvironment("env", "1", image: "python:3.12")
            #expect(changed.status == 409)
            #expect(changed.errorCode == "UserError")
            #expect(
                changed.errorMessage == "Environment env with version 1 is already registered and cannot be changed.")

            let fetched = try await ws.arm(.GET, ws.workspacePath + "/environments/env/versions/1")
            #expect(fetched.status == 200)
            #expect(fetched.json["properties"]?["image"] == "python:3.11")
            #expect(fetched.json["properties"]?["description"] == "second")
        }
    }

    @Test func malformedBodiesGet400NamingTheField() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/environments/env/versions/1"
            let noImage = try await ws.arm(.PUT, path, body: ["properties": ["condaFile": "x"]])
            #expect(noImage.status == 400)
            #expect(noImage.errorCode == "UserError")
            #expect(
                noImage.errorMessage == "Invalid request body: properties.image: an environment needs an image or a "
                    + "build context")
            #expect(noImage.json["error"]?["target"] == "properties.image")

            let wrongType = try await ws.arm(.PUT, path, body: ["properties": ["image": 5]])
            #expect(wrongType.status == 400)
            #expect(
                wrongType.errorMessage == "Invalid request body: properties.image: expected a string, found integer")

            let noProperties = try await ws.arm(.PUT, path, body: ["image": "x"])
            #expect(noProperties.status == 400)
            #expect(noProperties.errorMessage == "Invalid request body: properties: required field is missing")

            let notJSON = try await TestWorkspace.send(
                .PUT, ws.server.url + path + "?api-version=2023-04-01-preview", body: Array("{\"properties\":".utf8),
                headers: [("Authorization", "Bearer " + ws.server.token)])
            #expect(notJSON.status == 400)
            #expect(notJSON.errorCode == "InvalidRequestContent")

            let badData = try await ws.arm(
                .PUT, ws.workspacePath + "/data/d/versions/1",
                body: ["properties": ["dataType": "table", "dataUri": "x"]])
            #expect(badData.status == 400)
            #expect(badData.json["error"]?["target"] == "properties.dataType")

            let badName = try await ws.putEnvironment("bad$name", "1")
            #expect(badName.status == 400)
            #expect(badName.json["error"]?["target"] == "name")
        }
    }

    @Test func containersReportLatestByCreationAndNextVersion() async throws {
        try await TestWorkspace.with { ws in
            for version in ["2", "10", "3"] { try await ws.putEnvironment("env", version) }
            let container = try await ws.arm(.GET, ws.workspacePath + "/environments/env")
            #expect(container.status == 200)
            #expect(container.json["properties"]?["latestVersion"] == "3")
            #expect(container.json["properties"]?["nextVersion"] == "11")
            #expect(container.json["type"] == "Microsoft.MachineLearningServices/workspaces/environments")
            #expect(container.json["name"] == "env")

            try await ws.putEnvironment("other", "a")
            let list = try await ws.arm(.GET, ws.workspacePath + "/environments")
            #expect(list.json["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["other", "env"])
            #expect(list.json["value"]?.arrayValue?.first?["properties"]?["nextVersion"] == "1")

            let missing = try await ws.arm(.GET, ws.workspacePath + "/environments/none")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "ResourceNotFound")
            #expect(
                missing.errorMessage == "The Resource 'Microsoft.MachineLearningServices/workspaces/local/environments/"
                    + "none' under resource group 'deploy-local' was not found.")
            let missingVersion = try await ws.arm(.GET, ws.workspacePath + "/environments/env/versions/9")
            #expect(missingVersion.status == 404)
            #expect(missingVersion.errorCode == "ResourceNotFound")
        }
    }

    @Test func versionListsOrderPageAndFilterArchived() async throws {
        try await TestWorkspace.with { ws in
            for version in ["1", "2", "3", "4", "5"] {
                try await ws.putEnvironment("env", version, extra: ["isArchived": .bool(version == "4")])
            }
            let path = ws.workspacePath + "/environments/env/versions"
            let latest = try await ws.arm(.GET, path + "?$orderBy=createdtime%20desc&$top=1")
            #expect(latest.json["value"]?.arrayValue?.map { $0["name"] } == ["5"])

            var names: [String] = []
            var next: String? = path + "?$top=2"
            var pages = 0
            while let url = next {
                let page = try await ws.arm(.GET, url, apiVersion: pages == 0 ? "2023-04-01-preview" : nil)
                #expect(page.status == 200)
                names += page.json["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                next = page.json["nextLink"]?.stringValue
                pages += 1
            }
            #expect(names == ["5", "3", "2", "1"])
            #expect(pages == 2)

            let ascending = try await ws.arm(.GET, path + "?$orderBy=createdtime%20asc&listViewType=All")
            #expect(
                ascending.json["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                    "1", "2", "3", "4", "5",
                ])
            let archived = try await ws.arm(.GET, path + "?listViewType=ArchivedOnly")
            #expect(archived.json["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["4"])

            let badTop = try await ws.arm(.GET, path + "?$top=zero")
            #expect(badTop.status == 400)
            #expect(badTop.errorMessage == "$top must be a positive integer, found 'zero'.")
            let badOrder = try await ws.arm(.GET, path + "?$orderBy=name")
            #expect(badOrder.status == 400)
            let badView = try await ws.arm(.GET, path + "?listViewType=Some")
            #expect(badView.status == 400)
            #expect(badView.errorMessage == "listViewType 'Some' is not one of 'ActiveOnly', 'ArchivedOnly', 'All'.")

            let unknown = try await ws.arm(.GET, ws.workspacePath + "/environments/none/versions")
            #expect(unknown.status == 200)
            #expect(unknown.json["value"] == [])
        }
    }

    @Test func dataPathsCannotBeUpdated() async throws {
        try await TestWorkspace.with { ws in
            let path = ws.workspacePath + "/data/iris/versions/1"
            func body(_ uri: String, description: String? = nil) -> JSONValue {
                var properties: JSONObject = ["dataType": "uri_file", "dataUri": .string(uri), "isAnonymous": false]
                if let description { properties["description"] = .string(description) }
                return ["properties": .object(properties)]
            }
            #expect(try await ws.arm(.PUT, path, body: body("https://x/iris.csv")).status == 201)
            #expect(try await ws.arm(.PUT, path, body: body("https://x/iris.csv", description: "d")).status == 200)
            let moved = try await ws.arm(.PUT, path, body: body("https://x/other.csv"))
            #expect(moved.status == 409)
            #expect(moved.errorCode == "UserError")
            #expect(moved.errorMessage == "Asset paths cannot be updated.")
            let fetched = try await ws.arm(.GET, path)
            #expect(fetched.json["properties"]?["dataUri"] == "https://x/iris.csv")
            #expect(fetched.json["properties"]?["description"] == "d")
            #expect(fetched.json["type"] == "Microsoft.MachineLearningServices/workspaces/data/versions")
        }
    }

    @Test func codeVersionsAreFoundByHashRegardlessOfName() async throws {
        try await TestWorkspace.with { ws in
            let hash = "250ad357a6a3532bcd1ab171a3c30d91f95f7c9fc753cf9e59b55aa3969232a0"
            let body: JSONValue = [
                "properties": [
                    "codeUri": "http://x/blob/local/c/src", "isAnonymous": true,
                    "properties": ["hash_sha256": .string(hash), "hash_version": 202208],
                ]
            ]
            let put = try await ws.arm(
                .PUT, ws.workspacePath + "/codes/first/versions/1", apiVersion: APIVersion.codes, body: body)
            #expect(put.status == 201)
            let lookup = try await ws.arm(
                .GET, ws.workspacePath + "/codes/another-name/versions?hash=\(hash)&hashVersion=202208",
                apiVersion: APIVersion.codes)
            #expect(lookup.status == 200)
            #expect(
                lookup.json["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
                    == [ws.workspacePath + "/codes/first/versions/1"])
            let otherVersion = try await ws.arm(
                .GET, ws.workspacePath + "/codes/x/versions?hash=\(hash)&hashVersion=1", apiVersion: APIVersion.codes)
            #expect(otherVersion.json["value"] == [])
            let otherHash = try await ws.arm(
                .GET, ws.workspacePath + "/codes/x/versions?hash=abc&hashVersion=202208", apiVersion: APIVersion.codes)
            #expect(otherHash.json["value"] == [])

            var moved = body.objectValue!
            moved["properties"] = ["codeUri": "http://x/blob/local/c/other", "isAnonymous": true]
            let changed = try await ws.arm(
                .PUT, ws.workspacePath + "/codes/first/versions/1", apiVersion: APIVersion.codes, body: .object(moved))
            #expect(changed.status == 409)
            #expect(changed.errorMessage == "Asset paths cannot be updated.")
        }
    }

    @Test func startPendingUploadHandsOutAWritableContainer() async throws {
        try await TestWorkspace.with { ws in
            let response = try await ws.arm(
                .POST, ws.workspacePath + "/codes/abc/versions/1/startPendingUpload", apiVersion: APIVersion.codes,
                body: PendingUpload.requestBody)
            #expect(response.status == 200)
            let upload = try PendingUpload(json: response.json)
            #expect(upload.blobUri.hasPrefix(ws.server.url + "/blob/local/pending-"))
            #expect(upload.sasUri.hasPrefix(upload.blobUri + "?sv="))
            #expect(upload.sasUri.contains("sr=c"))
            #expect(upload.pendingUploadType == "TemporaryBlobReference")
            let query = String(upload.sasUri.split(separator: "?")[1])
            let put = try await TestWorkspace.send(
                .PUT, upload.blobUri + "/src/main.py?" + query, body: Array("print(1)\n".utf8),
                headers: [("x-ms-blob-type", "BlockBlob")])
            #expect(put.status == 201)
            let get = try await TestWorkspace.send(.GET, upload.blobUri + "/src/main.py?" + query)
            #expect(get.text == "print(1)\n")

            let wrongType = try await ws.arm(
                .POST, ws.workspacePath + "/codes/abc/versions/1/startPendingUpload", apiVersion: APIVersion.codes,
                body: ["pendingUploadType": "Other"])
            #expect(wrongType.status == 400)
        }
    }
}
