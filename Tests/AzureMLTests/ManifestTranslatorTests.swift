import AzureML
import DeployManifest
import DeployYAML
import Testing

/// Command jobs, the parts every job shares, and the translator's defaults.
@Suite struct ManifestTranslatorTests {
    static let header = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\n"
    static let image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"
    static let conda = "name: myenv\nchannels: [conda-forge]\ndependencies:\n- python=3.10\n- pip\n- pip: [mlflow]\n"
    let ws = ManifestFixture.ws

    /// A job setting every field: the SDK's body field by field (azureml-rest.md §2.5).
    @Test func commandJobWithEveryField() throws {
        let fixture = try ManifestFixture(files: [
            "src/train.py": "print(1)\n", "data/x.csv": "a,b\n1,2\n", "env.yml": Self.conda,
        ])
        let resources = try fixture.resources(
            Self.header + """
                name: full
                display_name: Full
                description: d
                experiment_name: exp1
                tags: {team: x}
                properties: {p1: v1}
                code: src
                command: python train.py --data ${{inputs.local_folder}} --lr ${{inputs.lr}} --out ${{outputs.model}}
                environment:
                  image: \(Self.image)
                  conda_file: env.yml
                compute: azureml:gpu-cluster
                environment_variables: {FOO: bar, N: 1}
                inputs:
                  local_folder: {type: uri_folder, path: data}
                  local_file: {type: uri_file, path: data/x.csv, mode: download}
                  named: {type: uri_file, path: azureml:iris:1}
                  ds: {type: uri_folder, path: azureml://datastores/workspaceblobstore/paths/some/folder/, mode: ro_mount}
                  lr: 0.01
                  flag: true
                  count: 5
                  nstr: hello
                outputs:
                  model:
                  model2: {type: mlflow_model, path: azureml://datastores/workspaceblobstore/paths/out/, mode: upload}
                  model3: {type: custom_model, mode: rw_mount, name: m, version: 3}
                distribution: {type: pytorch, process_count_per_instance: 4}
                resources: {instance_count: 2, instance_type: Standard_NC6, shm_size: 8g}
                limits: {timeout: 3600}
                identity: {type: managed, client_id: cid, msi_resource_id: /subscriptions/s/x}
                services:
                  my_jupyter: {type: jupyter_lab, nodes: all}
                  my_ssh: {type: ssh, ssh_public_keys: ssh-rsa AAAA}
                  my_board: {type: tensor_board, log_dir: outputs/tb, port: 6006}
                queue_settings: {job_tier: standard, priority: medium}
                """)
        #expect(resources.map(\.kind) == [.code, .environment, .job])
        let contentHash = try ContentHash.of(path: fixture.folder.path("src"))
        let code = AnonymousCode.name(contentHash: contentHash)
        let folderHash = try ObjectHash.of(path: fixture.folder.path("data"))
        let fileHash = try ObjectHash.of(path: fixture.folder.path("data/x.csv"))
        let version = AnonymousEnvironment.version(
            image: Self.image,
            condaFile:
                "channels:\n- conda-forge\ndependencies:\n- python=3.10\n- pip\n- pip:\n  - mlflow\nname: myenv\n")
        let job = try #require(resources.last)
        #expect(job.name == .fixed("full"))
        #expect(job.apiVersion == "2025-01-01-preview")
        let (name, body) = job.resolved([.codeVersionID(contentHash: contentHash): "\(ws)/codes/\(code)/versions/1"])
        #expect(name == "full")
        let expected: JSONValue = [
            "properties": [
                "jobType": "Command", "displayName": "Full", "description": "d", "experimentName": "exp1",
                "tags": ["team": "x"], "properties": ["p1": "v1"], "isArchived": false,
                "command":
                    "python train.py --data ${{inputs.local_folder}} --lr ${{inputs.lr}} --out ${{outputs.model}}",
                "codeId": .string("\(ws)/codes/\(code)/versions/1"),
                "environmentId": .string("\(ws)/environments/CliV2AnonymousEnvironment/versions/\(version)"),
                "computeId": .string("\(ws)/computes/gpu-cluster"),
                "environmentVariables": ["FOO": "bar", "N": "1"],
                "inputs": [
                    "local_folder": [
                        "jobInputType": "uri_folder",
                        "uri": .string("azureml://datastores/workspaceblobstore/paths/LocalUpload/\(folderHash)/data/"),
                    ],
                    "local_file": [
                        "jobInputType": "uri_file", "mode": "Download",
                        "uri": .string("azureml://datastores/workspaceblobstore/paths/LocalUpload/\(fileHash)/x.csv"),
                    ],
                    "named": ["jobInputType": "uri_file", "uri": .string("\(ws)/data/iris/versions/1")],
                    "ds": [
                        "jobInputType": "uri_folder", "mode": "ReadOnlyMount",
                        "uri": "azureml://datastores/workspaceblobstore/paths/some/folder/",
                    ],
                    "lr": ["jobInputType": "literal", "value": "0.01"],
                    "flag": ["jobInputType": "literal", "value": "True"],
                    "count": ["jobInputType": "literal", "value": "5"],
                    "nstr": ["jobInputType": "literal", "value": "hello"],
                ],
                "outputs": [
                    "model": ["jobOutputType": "uri_folder"],
                    "model2": [
                        "jobOutputType": "mlflow_model", "uri": "azureml://datastores/workspaceblobstore/paths/out/",
                        "mode": "Upload",
                    ],
                    "model3": [
                        "jobOutputType": "custom_model", "mode": "ReadWriteMount", "assetName": "m",
                        "assetVersion": "3",
                    ],
                ],
                "distribution": ["distributionType": "PyTorch", "processCountPerInstance": 4],
                "resources": ["instanceCount": 2, "instanceType": "Standard_NC6", "shmSize": "8g", "properties": [:]],
                "limits": ["jobLimitsType": "Command", "timeout": "PT1H"],
                "identity": ["identityType": "Managed", "clientId": "cid", "resourceId": "/subscriptions/s/x"],
                "services": [
                    "my_jupyter": ["jobServiceType": "JupyterLab", "nodes": ["nodesValueType": "All"]],
                    "my_ssh": ["jobServiceType": "SSH", "properties": ["sshPublicKeys": "ssh-rsa AAAA"]],
                    "my_board": [
                        "jobServiceType": "TensorBoard", "port": 6006, "properties": ["logDir": "outputs/tb"],
                    ],
                ],
                "queueSettings": ["jobTier": "Standard", "priority": 2],
            ]
        ]
        #expect(body.serialized(.canonical) == expected.serialized(.canonical))
        #expect(
            job.dependencies == [
                ResourceID(kind: .code, name: code, version: "1"),
                ResourceID(kind: .environment, name: "CliV2AnonymousEnvironment", version: version),
            ])
        #expect(job.uploads.map(\.prefix) == ["LocalUpload/\(folderHash)/data", "LocalUpload/\(fileHash)/x.csv"])
        #expect(job.uploads.map(\.files.count) == [1, 1])
        #expect(job.uploads[0].files[0].blobPath == "LocalUpload/\(folderHash)/data/x.csv")
        #expect(job.references.count == 2)
    }

    /// The smallest job: the SDK's empty maps, the working directory's name as experiment, the job name as display
    /// name, no code, no compute.
    @Test func defaultsForAMinimalJob() throws {
        let fixture = try ManifestFixture()
        let resources = try fixture.resources(
            Self.header + "command: echo hi\nenvironment:\n  image: python\n", name: "hello.yml")
        let job = try #require(resources.last)
        guard case .generated(let naming) = job.name else {
            Issue.record("expected a generated name")
            return
        }
        #expect(naming.slug == "hello")
        #expect(naming.displayNameIsName)
        let (name, body) = job.resolved([:])
        #expect(name.hasPrefix("hello-"))
        let expected: JSONValue = [
            "properties": [
                "displayName": .string(name), "experimentName": "myproject", "command": "echo hi",
                "properties": [:], "isArchived": false, "inputs": [:], "outputs": [:],
                "environmentId": .string(
                    "\(ws)/environments/CliV2AnonymousEnvironment/versions/"
                        + AnonymousEnvironment.version(image: "python")),
                "tags": [:], "environmentVariables": [:], "jobType": "Command",
            ]
        ]
        #expect(body.serialized(.canonical) == expected.serialized(.canonical))
        #expect(body["properties"]?.objectValue?.keys.first == "displayName")
        #expect(
            resources[0].body.json == ["properties": ["image": "python", "isAnonymous": true, "isArchived": false]])
    }

    @Test func explicitNameIsTheDisplayNameAndTheExperimentSlugNamesUnnamedJobs() throws {
        let fixture = try ManifestFixture()
        let named = try fixture.properties(Self.header + "name: n1\ncommand: ls\nenvironment: azureml:e:1\n")
        #expect(named["displayName"] == "n1")
        let unnamed = try fixture.resources(
            Self.header + "experiment_name: My Experiment\ncommand: ls\nenvironment: azureml:e:1\n")
        guard case .generated(let naming)? = unnamed.last?.name else {
            Issue.record("expected a generated name")
            return
        }
        #expect(naming.slug == "my-experiment")
    }

    @Test func sameManifestSameJobNameChangedManifestNewName() throws {
        let fixture = try ManifestFixture()
        func name(_ command: String) throws -> String {
            let job = try #require(
                try fixture.resources(Self.header + "command: \(command)\nenvironment: azureml:e:1\n").last)
            return job.resolved([:]).name
        }
        #expect(try name("ls") == name("ls"))
        #expect(try name("ls") != name("ls -l"))
    }

    @Test func environmentReferences() throws {
        let fixture = try ManifestFixture()
        func environmentID(_ reference: String) throws -> JSONValue? {
            try fixture.properties(Self.header + "command: ls\nenvironment: \(reference)\n")["environmentId"]
        }
        #expect(try environmentID("azureml:myenv:7") == .string("\(ws)/environments/myenv/versions/7"))
        #expect(try environmentID("azureml:AzureML-lightgbm-3.3@latest") == "azureml:AzureML-lightgbm-3.3@latest")
        let registry = "azureml://registries/azureml/environments/sklearn-1.5/labels/latest"
        #expect(try environmentID(registry) == .string(registry))
        #expect(
            try environmentID("azureml:\(ws)/environments/e/versions/2") == .string("\(ws)/environments/e/versions/2"))
        #expect(try environmentID("azureml:myenv@latest") == .string("\(ws)/environments/myenv/versions/<latest>"))
        let job = try #require(
            try fixture.resources(Self.header + "command: ls\nenvironment: azureml:myenv@latest\n").last)
        #expect(job.body.placeholders == [.latestVersion(kind: .environment, name: "myenv")])
        #expect(job.preparations.count == 1)
        #expect(job.references.first?.needsLookup == true)
        #expect(job.references.first?.source.line == 3)
    }

    @Test(arguments: [
        ("azureml:cpu-cluster", "/computes/cpu-cluster"), ("cpu-cluster", "/computes/cpu-cluster"),
        ("serverless", "/computes/serverless"),
    ])
    func computeIds(_ compute: String, _ suffix: String) throws {
        let fixture = try ManifestFixture()
        let properties = try fixture.properties(
            Self.header + "command: ls\nenvironment: azureml:e:1\ncompute: \(compute)\n")
        #expect(properties["computeId"] == .string(ws + suffix))
    }

    @Test func computeArmIdVerbatimAndNoComputeNoId() throws {
        let fixture = try ManifestFixture()
        let id = "/subscriptions/o/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/x/computes/c"
        #expect(
            try fixture.properties(Self.header + "command: ls\nenvironment: azureml:e:1\ncompute: \(id)\n")["computeId"]
                == .string(id))
        #expect(try fixture.properties(Self.header + "command: ls\nenvironment: azureml:e:1\n")["computeId"] == nil)
    }

    @Test func localComputeRunsWithoutComputeId() throws {
        let fixture = try ManifestFixture()
        let properties = try fixture.properties(
            Self.header + "command: ls\nenvironment: azureml:e:1\ncompute: local\n")
        #expect(properties["computeId"] == nil)
        #expect(properties["environmentVariables"] == ["AZUREML_COMPUTE_USE_COMMON_RUNTIME": "true"])
        #expect(properties["resources"] == ["properties": ["IsLocal": ["IsLocal": true]]])
    }

    @Test func gitPropertiesAreAddedUnlessOneIsAlreadySet() throws {
        let git = GitProperties(entries: [
            .init("mlflow.source.git.commit", "abc"), .init("azureml.git.dirty", "False"),
        ])
        let fixture = try ManifestFixture(gitProperties: git)
        #expect(
            try fixture.properties(Self.header + "command: ls\nenvironment: azureml:e:1\nproperties: {a: b}\n")[
                "properties"] == ["a": "b", "azureml.git.dirty": "False", "mlflow.source.git.commit": "abc"])
        #expect(
            try fixture.properties(
                Self.header + "command: ls\nenvironment: azureml:e:1\nproperties: {mlflow.source.git.commit: x}\n")[
                    "properties"] == ["mlflow.source.git.commit": "x"])
    }

    @Test func singleBracesAreRewritten() throws {
        let fixture = try ManifestFixture()
        let properties = try fixture.properties(
            Self.header + "command: echo {inputs.a} ${{inputs.a}} {{inputs.a}} {outputs.o}\nenvironment: azureml:e:1\n"
                + "inputs: {a: 1}\noutputs: {o: {type: uri_folder}}\n")
        #expect(properties["command"] == "echo ${{inputs.a}} ${{inputs.a}} {{inputs.a}} ${{outputs.o}}")
    }

    @Test func resourcesDistributionsQueueAndIdentities() throws {
        let fixture = try ManifestFixture()
        func properties(_ extra: String) throws -> JSONValue {
            try fixture.properties(Self.header + "command: ls\nenvironment: azureml:e:1\n" + extra)
        }
        #expect(
            try properties("distribution: {type: tensorflow, worker_count: 2}\n")["distribution"]
                == ["distributionType": "TensorFlow", "workerCount": 2, "parameterServerCount": 0])
        #expect(
            try properties("distribution: {type: mpi}\n")["distribution"] == ["distributionType": "Mpi"])
        #expect(
            try properties("distribution: {type: ray, port: 6379, include_dashboard: true}\n")["distribution"]
                == ["distributionType": "Ray", "port": 6379, "includeDashboard": true])
        #expect(
            try properties("resources: {docker_args: [--ipc=host], locations: [westus], max_instance_count: 3}\n")[
                "resources"] == ["dockerArgsList": ["--ipc=host"], "properties": [:]])
        #expect(
            try properties(
                "resources: {docker_args: --ipc=host, locations: [westus], max_instance_count: 3, "
                    + "properties: {singularity: {imageVersion: x, n: null}, other: 1}}\n")["resources"]
                == [
                    "dockerArgs": "--ipc=host", "locations": ["westus"], "maxInstanceCount": 3,
                    "properties": ["AISuperComputer": ["imageVersion": "x"], "other": 1],
                ])
        #expect(
            try properties("queue_settings: {job_tier: spot, priority: high}\n")["queueSettings"]
                == ["jobTier": "Spot", "priority": 3])
        #expect(try properties("queue_settings: {priority: low}\n")["queueSettings"] == ["priority": 1])
        #expect(try properties("identity: {type: aml_token}\n")["identity"] == ["identityType": "AMLToken"])
        #expect(try properties("limits: {timeout: 0}\n")["limits"] == ["jobLimitsType": "Command"])
        #expect(try properties("limits: {timeout: 90061}\n")["limits"]?["timeout"] == "P1DT1H1M1S")
        #expect(try properties("parent_job_name: p\n")["parentJobName"] == "p")
    }

    @Test func localCodeIsAnAnonymousSnapshotNamedByItsHash() throws {
        let fixture = try ManifestFixture(files: [
            "src/a.py": "a\n", "src/lib/b.py": "bb\n", "src/.amlignore": "*.log\n",
        ])
        try fixture.folder.write("src/debug.log", "x")
        let resources = try fixture.resources(Self.header + "code: src\ncommand: ls\nenvironment: azureml:e:1\n")
        let code = resources[0]
        let hash = try ContentHash.of(path: fixture.folder.path("src"))
        #expect(code.origin == .localCode(contentHash: hash))
        #expect(code.name == .fixed(AnonymousCode.name(contentHash: hash)))
        #expect(code.version == "1")
        #expect(code.apiVersion == "2023-04-01")
        let container = Placeholder.pendingUploadContainer(
            codeName: AnonymousCode.name(contentHash: hash), version: "1")
        #expect(
            code.body.resolved([container: "https://acct.blob.core.windows.net/tmp"])
                == [
                    "properties": [
                        "codeUri": "https://acct.blob.core.windows.net/tmp/src", "isAnonymous": true,
                        "properties": ["hash_sha256": .string(hash), "hash_version": 202208],
                    ]
                ])
        #expect(code.uploads.first?.files.map(\.blobPath) == ["src/.amlignore", "src/a.py", "src/lib/b.py"])
        #expect(code.uploads.first?.files.map(\.size) == [6, 2, 3])
        #expect(resources[1].body.json["properties"]?["codeId"] == .string("<code \(hash.prefix(12))>"))
    }

    @Test func codeReferencesAndURLs() throws {
        let fixture = try ManifestFixture()
        let id = "\(ws)/codes/c/versions/2"
        #expect(
            try fixture.properties(Self.header + "code: azureml:\(id)\ncommand: ls\nenvironment: azureml:e:1\n")[
                "codeId"] == .string(id))
        let resources = try fixture.resources(
            Self.header + "code: https://github.com/me/repo\ncommand: ls\nenvironment: azureml:e:1\n")
        let name = AnonymousCode.name(url: "https://github.com/me/repo")
        #expect(resources[0].origin == .codeURL)
        #expect(
            resources[0].body.json
                == ["properties": ["codeUri": "https://github.com/me/repo", "isAnonymous": true, "properties": [:]]])
        #expect(resources[1].body.json["properties"]?["codeId"] == .string("\(ws)/codes/\(name)/versions/1"))
        let diagnostics = try fixture.diagnostics(
            Self.header + "code: azureml:c:2\ncommand: ls\nenvironment: azureml:e:1\n")
        #expect(
            diagnostics == [
                """
                job.yml:2:7: warning: `az ml` (SDK 1.35.2) reads `azureml:<name>:<version>` code as a local path; \
                deploy uses the code version c's ARM id
                code: azureml:c:2
                      ^
                """
            ])
    }

    @Test func translationErrorsPointAtTheValue() throws {
        let fixture = try ManifestFixture()
        #expect(
            try fixture.diagnostics(Self.header + "command: ls\nenvironment: azureml:e@stable\n") == [
                """
                job.yml:3:14: error: unknown label `@stable` in `azureml:e@stable`; the only label is `@latest`
                environment: azureml:e@stable
                             ^
                """
            ])
        #expect(
            try fixture.diagnostics(
                Self.header + "command: ls\nenvironment: azureml:e:1\ncode: azureml://registries/r/codes/c/versions/1\n"
            )
                == [
                    """
                    job.yml:4:7: error: a registry asset cannot be used as code (the SDK refuses \
                    `azureml://registries/r/codes/c/versions/1`)
                    code: azureml://registries/r/codes/c/versions/1
                          ^
                    """
                ])
        #expect(try fixture.translate(Self.header + "command: ls\nenvironment: azureml:e@stable\n").resources.isEmpty)
    }

    @Test func inputsWithLabelsAndModels() throws {
        let fixture = try ManifestFixture()
        let job = try #require(
            try fixture.resources(
                Self.header + """
                    command: ls
                    environment: azureml:e:1
                    inputs:
                      d: {type: uri_folder, path: azureml:iris@latest}
                      m: {type: mlflow_model, path: azureml:model:4}
                      j: {type: uri_folder, path: azureml://jobs/j1/outputs/o/paths/x/}
                    """
            ).last)
        let inputs = try #require(job.body.json["properties"]?["inputs"])
        #expect(inputs["d"]?["uri"] == .string("\(ws)/data/iris/versions/<latest>"))
        #expect(inputs["m"]?["uri"] == .string("\(ws)/models/model/versions/4"))
        #expect(inputs["j"]?["uri"] == "azureml://jobs/j1/outputs/o/paths/x/")
        #expect(
            job.references.map(\.target) == [
                .asset(try AssetReference(parsing: "azureml:e:1", role: .environment)),
                .asset(try AssetReference(parsing: "azureml:iris@latest", role: .input(.uriFolder))),
                .asset(try AssetReference(parsing: "azureml:model:4", role: .input(.mlflowModel))),
                .asset(try AssetReference(parsing: "azureml://jobs/j1/outputs/o/paths/x/", role: .input(.uriFolder))),
            ])
        #expect(
            job.resolved([.latestVersion(kind: .data, name: "iris"): "3"]).body["properties"]?["inputs"]?["d"]?["uri"]
                == .string("\(ws)/data/iris/versions/3"))
    }

    @Test func localInputsGoToTheirDatastore() throws {
        let fixture = try ManifestFixture(files: ["data/a.csv": "1\n"])
        let job = try #require(
            try fixture.resources(
                Self.header + """
                    command: ls
                    environment: azureml:e:1
                    inputs:
                      d: {type: uri_folder, path: data, datastore: other}
                      f: {type: uri_file, path: data/a.csv, path_on_compute: /mnt/a}
                    """
            ).last)
        let hash = try ObjectHash.of(path: fixture.folder.path("data"))
        #expect(job.uploads.first?.destination == .datastore("other"))
        #expect(
            job.body.json["properties"]?["inputs"]?["d"]?["uri"]
                == .string("azureml://datastores/other/paths/LocalUpload/\(hash)/data/"))
        #expect(job.body.json["properties"]?["inputs"]?["f"]?["pathOnCompute"] == nil)
    }
}
