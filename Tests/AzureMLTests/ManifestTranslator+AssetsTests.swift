import AzureML
import DeployManifest
import Testing

/// Environment, data, code and compute manifests.
@Suite struct ManifestTranslatorAssetsTests {
    let ws = ManifestFixture.ws

    @Test func environmentWithImageCondaAndInferenceConfig() throws {
        let fixture = try ManifestFixture(files: [
            "conda.yml": "name: e\ndependencies: [python=3.10, {pip: [b, a]}]\nchannels: [conda-forge]\n"
        ])
        let resources = try fixture.resources(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
            name: env1
            version: 3
            image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
            conda_file: conda.yml
            os_type: linux
            description: Env desc
            tags: {a: b}
            inference_config:
              liveness_route: {port: 5001, path: /live}
              readiness_route: {port: 5001, path: /ready}
              scoring_route: {port: 5001, path: /score}
            """, name: "env.yml")
        #expect(resources.count == 1)
        let environment = resources[0]
        #expect(environment.name == .fixed("env1"))
        #expect(environment.version == "3")
        #expect(environment.apiVersion == "2023-04-01-preview")
        let expected: JSONValue = [
            "properties": [
                "condaFile": "channels:\n- conda-forge\ndependencies:\n- python=3.10\n- pip:\n  - b\n  - a\nname: e\n",
                "image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", "osType": "linux",
                "tags": ["a": "b"], "isAnonymous": false, "isArchived": false,
                "inferenceConfig": [
                    "livenessRoute": ["port": 5001, "path": "/live"],
                    "scoringRoute": ["port": 5001, "path": "/score"],
                    "readinessRoute": ["port": 5001, "path": "/ready"],
                ],
                "description": "Env desc",
            ]
        ]
        #expect(environment.body.json.serialized(.canonical) == expected.serialized(.canonical))
        #expect(environment.body.slots.isEmpty)
    }

    @Test func environmentBuildContextIsUploadedToTheDatastore() throws {
        let fixture = try ManifestFixture(files: ["ctx/Dockerfile": "FROM python\n", "ctx/requirements.txt": "x\n"])
        let environment = try #require(
            try fixture.resources(
                """
                $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
                name: built
                build: {path: ctx, dockerfile_path: Dockerfile}
                """, name: "env.yml"
            ).first)
        let hash = try ObjectHash.of(path: fixture.folder.path("ctx"))
        #expect(environment.version == nil)
        #expect(environment.id == nil)
        let upload = try #require(environment.uploads.first)
        #expect(upload.destination == .datastore("workspaceblobstore"))
        #expect(upload.prefix == "LocalUpload/\(hash)/ctx")
        #expect(
            upload.files.map(\.blobPath) == [
                "LocalUpload/\(hash)/ctx/Dockerfile", "LocalUpload/\(hash)/ctx/requirements.txt",
            ])
        #expect(
            environment.body.json["properties"]?["build"]
                == [
                    "contextUri": .string("<datastore workspaceblobstore>/LocalUpload/\(hash)/ctx/"),
                    "dockerfilePath": "Dockerfile",
                ])
        #expect(
            environment.body.resolved([.datastoreContainer("workspaceblobstore"): "https://a.blob.core.windows.net/c"])[
                "properties"]?["build"]?["contextUri"]
                == .string("https://a.blob.core.windows.net/c/LocalUpload/\(hash)/ctx/"))
    }

    @Test func inlineBuildEnvironmentIsVersionedByItsContext() throws {
        let fixture = try ManifestFixture(files: ["ctx/Dockerfile": "FROM python\n"])
        let resources = try fixture.resources(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            command: ls
            environment:
              build: {path: ctx}
            """)
        let hash = try ObjectHash.of(path: fixture.folder.path("ctx"))
        #expect(resources[0].version == AnonymousEnvironment.version(buildContextHash: hash))
        #expect(resources[0].origin == .inlineEnvironment)
        #expect(resources[0].body.json["properties"]?["isAnonymous"] == true)
    }

    @Test func dataFromALocalFileAndFolder() throws {
        let fixture = try ManifestFixture(files: ["sample/a.csv": "1\n", "sample/b.csv": "2\n"])
        let file = try #require(
            try fixture.resources(
                "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: d\nversion: 1\n"
                    + "type: uri_file\npath: sample/a.csv\ndescription: local file\ntags: {k: v}\n", name: "data.yml"
            ).first)
        let fileHash = try ObjectHash.of(path: fixture.folder.path("sample/a.csv"))
        let expected: JSONValue = [
            "properties": [
                "description": "local file", "isAnonymous": false, "tags": ["k": "v"], "isArchived": false,
                "properties": [:],
                "dataUri": .string("azureml://datastores/workspaceblobstore/paths/LocalUpload/\(fileHash)/a.csv"),
                "dataType": "uri_file",
            ]
        ]
        #expect(file.body.json.serialized(.canonical) == expected.serialized(.canonical))
        #expect(file.version == "1")
        let folder = try #require(
            try fixture.resources(
                "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: d\npath: sample\n",
                name: "data.yml"
            ).first)
        let folderHash = try ObjectHash.of(path: fixture.folder.path("sample"))
        #expect(
            folder.body.json["properties"]?["dataUri"]
                == .string("azureml://datastores/workspaceblobstore/paths/LocalUpload/\(folderHash)/sample"))
        #expect(folder.body.json["properties"]?["dataType"] == "uri_folder")
        #expect(folder.body.json["properties"]?["description"] == nil)
        #expect(folder.version == nil)
    }

    @Test func dataFromURIsAndLocalMLTables() throws {
        let fixture = try ManifestFixture(files: [
            "table/MLTable": "paths:\n  - file: ./a.csv\n  - folder: ./parts\n  - pattern: ./*.tsv\n",
            "table/a.csv": "1\n",
        ])
        let remote = try fixture.properties(
            "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: d\ntype: uri_folder\n"
                + "path: wasbs://c@a.blob.core.windows.net/x/\n", name: "data.yml")
        #expect(remote["dataUri"] == "wasbs://c@a.blob.core.windows.net/x/")
        let table = try fixture.properties(
            "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: t\ntype: mltable\npath: table\n",
            name: "data.yml")
        #expect(table["referencedUris"] == ["./a.csv", "./parts", "./*.tsv"])
        #expect(table["dataType"] == "mltable")
    }

    @Test func remoteMLTablesAreReadForTheirPaths() throws {
        let fixture = try ManifestFixture()
        let header = "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: t\ntype: mltable\n"
        let datastore = try #require(
            try fixture.resources(header + "path: azureml://datastores/blobs/paths/tables/t1/\n", name: "data.yml")
                .first)
        let uri = "azureml://datastores/blobs/paths/tables/t1/"
        #expect(datastore.body.json["properties"]?["referencedUris"] == "<paths of the MLTable file>")
        guard case .read(let read)? = datastore.preparations.first else {
            Issue.record("expected a read")
            return
        }
        #expect(read.datastore == "blobs")
        #expect(read.url.description == "<datastore blobs>/tables/t1/MLTable")
        #expect(read.supplies == .mltablePaths(uri: uri))
        #expect(
            datastore.body.resolved([.mltablePaths(uri: uri): #"["./a.csv"]"#])["properties"]?["referencedUris"]
                == ["./a.csv"])
        #expect(datastore.body.resolved([.mltablePaths(uri: uri): "null"])["properties"]?["referencedUris"] == nil)
        let https = try #require(
            try fixture.resources(header + "path: https://a.blob.core.windows.net/c/t1\n", name: "data.yml").first)
        guard case .read(let direct)? = https.preparations.first else {
            Issue.record("expected a read")
            return
        }
        #expect(direct.datastore == nil)
        #expect(direct.url.description == "https://a.blob.core.windows.net/c/MLTable")
        let wasbs = try #require(
            try fixture.resources(header + "path: wasbs://c@a.blob.core.windows.net/t1/\n", name: "data.yml").first)
        #expect(wasbs.preparations.isEmpty)
        #expect(wasbs.body.json["properties"]?["referencedUris"] == nil)
    }

    @Test func mltableJoinFollowsPythonsURLJoin() {
        #expect(RemoteRead.joiningMLTable(to: "https://a/b/t/") == "https://a/b/t/MLTable")
        #expect(RemoteRead.joiningMLTable(to: "https://a/b/t") == "https://a/b/MLTable")
    }

    @Test func codeAssetNeedsAVersionAndSendsNoDescription() throws {
        let fixture = try ManifestFixture(files: ["src/main.py": "x\n"])
        let header = "$schema: https://azuremlschemas.azureedge.net/latest/code.schema.json\nname: mycode\npath: src\n"
        let code = try #require(try fixture.resources(header + "version: 2\n", name: "code.yml").first)
        let hash = try ContentHash.of(path: fixture.folder.path("src"))
        #expect(code.id == ResourceID(kind: .code, name: "mycode", version: "2"))
        #expect(
            code.body.resolved([.pendingUploadContainer(codeName: "mycode", version: "2"): "https://a/tmp"])
                == [
                    "properties": [
                        "codeUri": "https://a/tmp/src", "isAnonymous": false,
                        "properties": ["hash_sha256": .string(hash), "hash_version": 202208],
                    ]
                ])
        #expect(
            try fixture.diagnostics(header + "version: 2\ndescription: d\n", name: "code.yml") == [
                """
                code.yml:5:14: warning: description: not sent (the SDK leaves it out of code versions)
                description: d
                             ^
                """
            ])
        #expect(
            try fixture.diagnostics(header, name: "code.yml") == [
                """
                code.yml:2:7: error: a code asset needs a `version` (the SDK cannot pick one for named code)
                name: mycode
                      ^
                """
            ])
    }

    @Test func computeClusterWithDefaults() throws {
        let fixture = try ManifestFixture()
        let compute = try #require(
            try fixture.resources(
                "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\ntype: amlcompute\n"
                    + "name: cpu-cluster\n", name: "compute.yml"
            ).first)
        #expect(compute.kind == .compute)
        #expect(compute.apiVersion == "2023-08-01-preview")
        #expect(compute.body.placeholders == [.workspaceLocation])
        let expected: JSONValue = [
            "location": "<workspace location>",
            "properties": [
                "computeType": "AmlCompute",
                "properties": [
                    "vmSize": "STANDARD_DS3_V2",
                    "scaleSettings": ["maxNodeCount": 4, "minNodeCount": 0, "nodeIdleTimeBeforeScaleDown": "PT2M"],
                ],
            ],
        ]
        #expect(compute.body.json.serialized(.canonical) == expected.serialized(.canonical))
        let sized = try fixture.resources(
            "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\ntype: amlcompute\n"
                + "name: c\nsize: STANDARD_NC6\ntier: low_priority\nmin_instances: 1\nmax_instances: 2\n"
                + "idle_time_before_scale_down: 600\nlocation: westeurope\n", name: "compute.yml")[0]
        #expect(sized.body.json["location"] == "westeurope")
        #expect(
            sized.body.json["properties"]?["properties"]
                == [
                    "vmSize": "STANDARD_NC6", "vmPriority": "LowPriority",
                    "scaleSettings": ["maxNodeCount": 2, "minNodeCount": 1, "nodeIdleTimeBeforeScaleDown": "PT10M"],
                ])
    }
}
