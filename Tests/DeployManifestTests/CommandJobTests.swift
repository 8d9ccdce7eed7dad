import DeployManifest
import DeployYAML
import Testing

@Suite struct CommandJobTests {
    static let files = [
        "src/train.py": "print('hi')\n", "conda.yml": "name: c\ndependencies:\n- python=3.11\n",
        "data/x.csv": "a,b\n", "table/MLTable": "paths: []\n", "empty/": "",
    ]

    @Test func loadsEveryFieldWithItsType() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            type: command
            name: full
            display_name: full run
            description: d
            experiment_name: exp1
            tags: {team: x, empty: null}
            properties: {p1: v1}
            code: src
            command: python train.py --data ${{inputs.local_folder}} --lr ${{inputs.lr}} --out ${{outputs.model}}
            environment:
              image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
              conda_file: conda.yml
            compute: azureml:gpu-cluster
            environment_variables: {FOO: bar, N: 1}
            inputs:
              local_folder: {type: uri_folder, path: data}
              local_file: {type: uri_file, path: data/x.csv, mode: download}
              named: {type: uri_file, path: azureml:iris:1}
              latest: {type: mltable, path: azureml:irisdata@latest, mode: eval_mount}
              ds: {type: uri_folder, path: azureml://datastores/workspaceblobstore/paths/some/folder/, mode: ro_mount}
              untyped: {path: https://example.com/folder/}
              lr: 0.01
              flag: true
              nstr: hello
              whole: 1.0
              count: 5
            outputs:
              model: {type: uri_folder, mode: rw_mount}
              model2: {type: mlflow_model, path: azureml://datastores/workspaceblobstore/paths/out/, mode: upload, name: m, version: 3}
              plain:
            distribution: {type: pytorch, process_count_per_instance: 4}
            resources: {instance_count: 2, instance_type: Standard_NC6, shm_size: 8g, properties: {a: [1]}, docker_args: [--ipc=host]}
            limits: {timeout: 3600}
            identity: {type: user_identity}
            services:
              my_jupyter: {type: jupyter_lab, nodes: all}
              my_ssh: {type: ssh, ssh_public_keys: ssh-rsa AAAA, nodes: all, port: 22}
              my_board: {type: tensor_board, log_dir: outputs/tblogs}
            queue_settings: {job_tier: Standard, priority: medium}
            parent_job_name: parent
            """)
        #expect(loaded.rendered == "")
        #expect(loaded.kind == .command)
        let job = try #require(loaded.commandJob)
        #expect(job.metadata.name?.value == "full")
        #expect(job.metadata.displayName?.value == "full run")
        #expect(job.metadata.experimentName?.value == "exp1")
        #expect(job.metadata.tags.keys == ["team", "empty"])
        #expect(job.metadata.tags["empty"]?.value == .null)
        #expect(job.metadata.properties["p1"]?.value == .string("v1"))
        #expect(job.metadata.compute?.value == "azureml:gpu-cluster")
        #expect(job.code?.value == .local(LocalPath(written: "src", relativeTo: folder.path, displayDirectory: ".")))
        #expect(job.code?.value.localPath?.absolute == folder.path + "/src")
        #expect(job.command.value.hasSuffix("--out ${{outputs.model}}"))
        #expect(job.environmentVariables["N"]?.value == .int(1))
        #expect(job.parentJobName?.value == "parent")

        guard case .inline(let environment) = job.environment.value else {
            Issue.record("expected an inline environment")
            return
        }
        #expect(environment.image?.value == "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")
        guard case .file(let condaPath, let contents)? = environment.condaFile?.value else {
            Issue.record("expected a conda file")
            return
        }
        #expect(condaPath.absolute == folder.path + "/conda.yml")
        #expect(contents["name"]?.scalar?.text == "c")
        #expect(contents.source == "conda.yml")

        #expect(
            job.inputs.keys == [
                "local_folder", "local_file", "named", "latest", "ds", "untyped", "lr", "flag", "nstr", "whole",
                "count",
            ])
        let literals = job.inputs.compactMap { entry -> String? in
            if case .literal(let value) = entry.value.value { return "\(entry.key.value)=\(value.pythonString)" }
            return nil
        }
        #expect(literals == ["lr=0.01", "flag=True", "nstr=hello", "whole=1.0", "count=5"])
        guard case .asset(let localFile)? = job.inputs["local_file"]?.value,
            case .asset(let latest)? = job.inputs["latest"]?.value,
            case .asset(let untyped)? = job.inputs["untyped"]?.value
        else {
            Issue.record("expected asset inputs")
            return
        }
        #expect(localFile.type?.value == .uriFile)
        #expect(localFile.mode?.value == .download)
        #expect(localFile.path?.value.localPath?.absolute == folder.path + "/data/x.csv")
        #expect(latest.path?.value == .remote("azureml:irisdata@latest"))
        #expect(latest.mode?.value == .evalMount)
        #expect(untyped.type == nil)
        #expect(untyped.effectiveType == .uriFolder)

        #expect(job.outputs.keys == ["model", "model2", "plain"])
        #expect(job.outputs["model"]?.value.mode?.value == .rwMount)
        #expect(job.outputs["model2"]?.value.version?.value == "3")
        #expect(job.outputs["model2"]?.value.effectiveType == .mlflowModel)
        #expect(job.outputs["plain"]?.value.type == nil)

        guard case .pytorch(let processes)? = job.distribution?.value else {
            Issue.record("expected pytorch")
            return
        }
        #expect(processes?.value == 4)
        #expect(job.resources?.value.instanceCount?.value == 2)
        #expect(job.resources?.value.shmSize?.value == "8g")
        #expect(job.resources?.value.properties?.keys == ["a"])
        guard case .list(let dockerArgs)? = job.resources?.value.dockerArgs?.value else {
            Issue.record("expected a docker_args list")
            return
        }
        #expect(dockerArgs.map(\.value) == ["--ipc=host"])
        #expect(job.limits?.value.timeout?.value == 3600)
        guard case .userIdentity? = job.metadata.identity?.value else {
            Issue.record("expected user_identity")
            return
        }
        let services = try #require(job.metadata.services)
        #expect(services.map { $0.value.value.type?.value } == [.jupyterLab, .ssh, .tensorBoard])
        #expect(services["my_ssh"]?.value.sshPublicKeys?.value == "ssh-rsa AAAA")
        #expect(services["my_ssh"]?.value.port?.value == 22)
        #expect(services["my_board"]?.value.logDir?.value == "outputs/tblogs")
        #expect(job.queueSettings?.value.jobTier?.value == .standard)
        #expect(job.queueSettings?.value.priority?.value.restValue == 2)
    }

    @Test func keepsTheMarkOfEveryValue() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            command: echo ${{inputs.lr}}
            environment: azureml:AzureML-sklearn-1.5@latest
            inputs:
              lr: 0.01
              data:
                type: uri_file
                path: data/x.csv
            """)
        let job = try #require(loaded.commandJob)
        #expect(job.command.mark.description == "1:10")
        #expect(job.environment.mark.description == "2:14")
        #expect(job.inputs.entry("lr")?.key.mark.description == "4:3")
        #expect(job.inputs["lr"]?.mark.description == "4:7")
        guard case .asset(let data)? = job.inputs["data"]?.value else {
            Issue.record("expected an asset input")
            return
        }
        #expect(data.path?.mark.description == "7:11")
        #expect(data.path?.file.name == "job.yml")
        #expect(job.command.node.mark(atValueOffset: 5).description == "1:15")
        #expect(
            job.command.diagnostic(.error, "x").rendered == "job.yml:1:10: error: x\n" + """
                command: echo ${{inputs.lr}}
                         ^
                """)
        guard case .reference(let reference) = job.environment.value else {
            Issue.record("expected a reference")
            return
        }
        #expect(reference == "azureml:AzureML-sklearn-1.5@latest")
    }

    @Test func reportsEveryProblemSortedByPosition() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            experiment_nme: x
            command: 42
            limits:
              timeout: ten
              retries: 3
            resources:
              instance_count: 1.5
              bogus: 1
            distribution:
              type: horovod
            identity: {type: managed, client_id: 7}
            tags: {a: 1}
            """)
        #expect(
            loaded.rendered == """
                job.yml:1:1: error: experiment_nme: unknown key; did you mean `experiment_name`?
                experiment_nme: x
                ^
                job.yml:1:1: error: missing required key `environment`
                experiment_nme: x
                ^
                job.yml:2:10: error: command: expected a string, found 42
                command: 42
                         ^
                job.yml:4:12: error: limits.timeout: expected an integer, found "ten"
                  timeout: ten
                           ^
                job.yml:5:3: error: limits.retries: unknown key
                  retries: 3
                  ^
                job.yml:7:19: error: resources.instance_count: expected an integer, found 1.5
                  instance_count: 1.5
                                  ^
                job.yml:8:3: error: resources.bogus: unknown key
                  bogus: 1
                  ^
                job.yml:10:9: error: distribution.type: expected one of "pytorch", "mpi", "tensorflow", "ray", found "horovod"
                  type: horovod
                        ^
                job.yml:11:38: error: identity.client_id: expected a string, found 7
                identity: {type: managed, client_id: 7}
                                                     ^
                job.yml:12:11: error: tags.a: expected a string or null, found 1; quote it
                tags: {a: 1}
                          ^
                """)
        #expect(loaded.manifest == nil)
        #expect(loaded.hasErrors)
    }

    @Test func missingRequiredKeys() throws {
        let loaded = try TestFolder().load("name: x\n")
        #expect(
            loaded.rendered == """
                job.yml:1:1: error: not an Azure ML manifest: it has neither `$schema` nor `type`; add \
                `$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json`
                name: x
                ^
                """)
        let typed = try TestFolder().load("type: command\nname: x\n")
        #expect(
            typed.rendered == """
                job.yml:1:1: error: missing required key `command`
                type: command
                ^
                job.yml:1:1: error: missing required key `environment`
                type: command
                ^
                """)
    }

    @Test func placeholdersMustNameSomething() throws {
        let loaded = try TestFolder().load(
            """
            command: >-
              python train.py --lr ${{inputs.lr}}
              --data ${{inputs.dtaa}} --out ${{outputs.modle}}
              [--opt ${{inputs.optional}}] --old {inputs.data} --sweep ${{search_space.x}}
            environment: azureml:env:1
            inputs:
              lr: 0.1
              data: {type: uri_file, path: https://example.com/x.csv}
            """)
        #expect(
            loaded.rendered == """
                job.yml:3:10: error: command: `${{inputs.dtaa}}` names no input; did you mean `data`?
                  --data ${{inputs.dtaa}} --out ${{outputs.modle}}
                         ^
                job.yml:3:33: error: command: `${{outputs.modle}}` names no output (there are none)
                  --data ${{inputs.dtaa}} --out ${{outputs.modle}}
                                                ^
                job.yml:4:38: warning: command: `{inputs.data}` is deprecated; write `${{inputs.data}}`
                  [--opt ${{inputs.optional}}] --old {inputs.data} --sweep ${{search_space.x}}
                                                     ^
                job.yml:4:60: error: command: `${{search_space.x}}` is only valid in a sweep's trial command
                  [--opt ${{inputs.optional}}] --old {inputs.data} --sweep ${{search_space.x}}
                                                                           ^
                """)
    }

    @Test func placeholderErrorsPointIntoQuotedAndLiteralCommands() throws {
        let loaded = try TestFolder().load(
            """
            command: "echo \\"${{inputs.a}}\\" ${{inputs.b}}"
            environment: azureml:env:1
            inputs: {a: 1, c: 2}
            """)
        #expect(
            loaded.rendered == """
                job.yml:1:34: error: command: `${{inputs.b}}` names no input (`a`, `c`)
                command: "echo \\"${{inputs.a}}\\" ${{inputs.b}}"
                                                 ^
                """)
        let literal = try TestFolder().load(
            """
            command: |
              echo ${{inputs.a}}
                echo ${{outputs.b}}
            environment: azureml:env:1
            inputs: {a: 1}
            """)
        #expect(
            literal.rendered == """
                job.yml:3:10: error: command: `${{outputs.b}}` names no output (there are none)
                    echo ${{outputs.b}}
                         ^
                """)
    }

    @Test func inputAndOutputNamesMustBeIdentifiers() throws {
        let loaded = try TestFolder().load(
            """
            command: echo
            environment: azureml:env:1
            inputs:
              my-input: 1
              _ok1: 2
            outputs:
              9lives:
            """)
        #expect(
            loaded.rendered == """
                job.yml:4:3: error: inputs.my-input: invalid name "my-input"; names start with a letter or an \
                underscore and contain only letters, digits and underscores
                  my-input: 1
                  ^
                job.yml:7:3: error: outputs.9lives: invalid name "9lives"; names start with a letter or an \
                underscore and contain only letters, digits and underscores
                  9lives:
                  ^
                """)
    }

    @Test func inputModesDependOnTheType() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            command: echo
            environment: azureml:env:1
            inputs:
              a: {type: uri_folder, path: data, mode: mount}
              b: {type: mltable, path: table, mode: eval_download}
              c: {type: uri_file, path: data/x.csv, mode: eval_mount}
              d: {type: custom_model, path: azureml:m:1, path_on_compute: x}
              e: {type: string, path: x}
              f: [1, 2]
              g: null
            outputs:
              o: {mode: ro_mount}
              p: models/
            """)
        #expect(
            loaded.rendered == """
                job.yml:4:43: error: inputs.a.mode: expected one of "ro_mount", "download", "direct", found "mount"
                  a: {type: uri_folder, path: data, mode: mount}
                                                          ^
                job.yml:6:47: error: inputs.c.mode: expected one of "ro_mount", "download", "direct", found \
                "eval_mount"
                  c: {type: uri_file, path: data/x.csv, mode: eval_mount}
                                                              ^
                job.yml:7:46: error: inputs.d.path_on_compute: unknown key; model inputs have no `path_on_compute`
                  d: {type: custom_model, path: azureml:m:1, path_on_compute: x}
                                                             ^
                job.yml:8:13: error: inputs.e.type: expected one of "uri_file", "uri_folder", "mltable", \
                "custom_model", "mlflow_model", "triton_model", found "string"
                  e: {type: string, path: x}
                            ^
                job.yml:8:27: error: inputs.e.path: no such file or directory: x
                  e: {type: string, path: x}
                                          ^
                job.yml:9:6: error: inputs.f: expected a string, a number, a boolean or a mapping, found a sequence
                  f: [1, 2]
                     ^
                job.yml:10:6: error: inputs.g: expected a string, a number, a boolean or a mapping, found null
                  g: null
                     ^
                job.yml:12:13: error: outputs.o.mode: expected one of "mount", "upload", "rw_mount", "direct", found \
                "ro_mount"
                  o: {mode: ro_mount}
                            ^
                job.yml:13:6: error: outputs.p: expected a mapping or null, found "models/"
                  p: models/
                     ^
                """)
    }

    @Test func localInputsMustExistAndMatchTheirType() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            command: echo
            environment: azureml:env:1
            inputs:
              a: {type: uri_file, path: data}
              b: {type: uri_folder, path: ./data/x.csv}
              c: {type: uri_file, path: \(folder.path)/data}
              d: {type: mltable, path: empty}
              e: {type: uri_folder, path: ../nowhere}
              f: {type: uri_file, path: azureml:iris}
              g: {type: uri_file, path: file:data/x.csv}
            """)
        #expect(
            loaded.rendered == """
                job.yml:4:29: warning: inputs.a.path: data is a folder, but the type is uri_file
                  a: {type: uri_file, path: data}
                                            ^
                job.yml:5:31: warning: inputs.b.path: ./data/x.csv is a file, but the type is uri_folder
                  b: {type: uri_folder, path: ./data/x.csv}
                                              ^
                job.yml:6:29: error: inputs.c.path: \(folder.path)/data is a folder, but the type is uri_file
                  c: {type: uri_file, path: \(folder.path)/data}
                                            ^
                job.yml:7:28: error: inputs.d.path: no MLTable file in empty
                  d: {type: mltable, path: empty}
                                           ^
                job.yml:8:31: error: inputs.e.path: no such file or directory: ../nowhere
                  e: {type: uri_folder, path: ../nowhere}
                                              ^
                job.yml:9:29: error: inputs.f.path: `azureml:iris` needs a version or a label: `azureml:iris:1` or \
                `azureml:iris@latest`
                  f: {type: uri_file, path: azureml:iris}
                                            ^
                """)
        #expect(loaded.references.contains(folder.path + "/data/x.csv"))
        #expect(loaded.references.contains(folder.path + "/empty/MLTable"))
    }

    @Test func literalMappingFormFollowsTheSDK() throws {
        let loaded = try TestFolder().load(
            """
            command: echo
            environment: azureml:env:1
            inputs:
              a: {value: 1}
              b: {value: 0.5}
              c: {value: text}
              d: {value: 7}
            """)
        #expect(
            loaded.rendered == """
                job.yml:4:14: warning: inputs.a.value: the SDK reads 1 in this form as True; write the value \
                directly, without `value:`, to keep it
                  a: {value: 1}
                             ^
                job.yml:5:14: warning: inputs.b.value: the SDK reads 0.5 in this form as 0; write the value \
                directly, without `value:`, to keep it
                  b: {value: 0.5}
                             ^
                """)
        let job = try #require(loaded.commandJob)
        let values = job.inputs.compactMap { entry -> String? in
            if case .literal(let value) = entry.value.value { return value.pythonString }
            return nil
        }
        #expect(values == ["True", "0", "text", "7"])
    }

    @Test func readOnlyKeysAreAcceptedWithAWarning() throws {
        let loaded = try TestFolder().load(
            """
            command: echo
            environment: azureml:env:1
            id: /subscriptions/x
            status: Completed
            creation_context: {created_by: me}
            log_files: {a: b}
            parameters: {}
            """)
        #expect(
            loaded.rendered == """
                job.yml:3:1: warning: id: read-only key, ignored
                id: /subscriptions/x
                ^
                job.yml:4:1: warning: status: read-only key, ignored
                status: Completed
                ^
                job.yml:5:1: warning: creation_context: read-only key, ignored
                creation_context: {created_by: me}
                ^
                job.yml:6:1: warning: log_files: read-only key, ignored
                log_files: {a: b}
                ^
                job.yml:7:1: warning: parameters: read-only key, ignored
                parameters: {}
                ^
                """)
        #expect(loaded.commandJob != nil)
    }

    @Test func sweepKeysInACommandJobGetAHint() throws {
        let loaded = try TestFolder().load(
            """
            command: echo
            environment: azureml:env:1
            search_space: {}
            """)
        #expect(
            loaded.rendered == """
                job.yml:3:1: error: search_space: unknown key; `search_space` belongs to sweep jobs; did you mean \
                `type: sweep`?
                search_space: {}
                ^
                """)
    }

    @Test func environmentReferencesAndInlineEnvironments() throws {
        let folder = try TestFolder(CommandJobTests.files)
        let loaded = try folder.load(
            """
            command: echo
            environment: python:3.11
            """)
        #expect(
            loaded.rendered == """
                job.yml:2:14: error: environment: expected an inline environment or a reference such as \
                `azureml:name:version`, found "python:3.11"; for a Docker image, write `image: python:3.11` under \
                `environment`
                environment: python:3.11
                             ^
                """)
        let unversioned = try folder.load("command: echo\nenvironment: azureml:myenv\n")
        #expect(
            unversioned.rendered == """
                job.yml:2:14: error: environment: `azureml:myenv` needs a version or a label: `azureml:myenv:1` or \
                `azureml:myenv@latest`
                environment: azureml:myenv
                             ^
                """)
        let inline = try folder.load(
            """
            command: echo
            environment:
              name: mine
              version: 2
              image: python
            """)
        #expect(
            inline.rendered == """
                job.yml:3:3: warning: environment.name: ignored; an inline environment is registered as \
                CliV2AnonymousEnvironment with a version computed from its content
                  name: mine
                  ^
                job.yml:4:3: warning: environment.version: ignored; an inline environment is registered as \
                CliV2AnonymousEnvironment with a version computed from its content
                  version: 2
                  ^
                """)
        #expect(inline.commandJob != nil)
    }

    @Test func environmentFromAFileReference() throws {
        let folder = try TestFolder([
            "envs/env.yml": "image: python:3.11\nconda_file: conda.yml\n",
            "envs/conda.yml": "dependencies: [python]\n", "bad/env.yml": "image: python\nbogus: 1\n",
        ])
        let loaded = try folder.load("command: echo\nenvironment: file:envs/env.yml\n")
        #expect(loaded.rendered == "")
        guard case .inline(let environment)? = loaded.commandJob?.environment.value,
            case .file(let conda, _)? = environment.condaFile?.value
        else {
            Issue.record("expected an inline environment with a conda file")
            return
        }
        #expect(conda.absolute == folder.path + "/envs/conda.yml")
        #expect(environment.baseDirectory == folder.path + "/envs")
        #expect(loaded.references == [folder.path + "/envs/env.yml", folder.path + "/envs/conda.yml"])
        let bad = try folder.load("command: echo\nenvironment: file:bad/env.yml\n")
        #expect(
            bad.rendered == """
                bad/env.yml:2:1: error: environment.bogus: unknown key
                bogus: 1
                ^
                """)
    }

    @Test func servicesKeysDependOnTheType() throws {
        let loaded = try TestFolder().load(
            """
            command: echo
            environment: azureml:env:1
            services:
              a: {type: vs_code, log_dir: x, endpoint: e}
              b: {type: ssh, ssh_public_keys: k}
              c: {type: notebook}
            """)
        #expect(
            loaded.rendered == """
                job.yml:4:22: error: services.a.log_dir: unknown key; `log_dir` is only valid with `type: tensor_board`
                  a: {type: vs_code, log_dir: x, endpoint: e}
                                     ^
                job.yml:4:34: warning: services.a.endpoint: read-only key, ignored
                  a: {type: vs_code, log_dir: x, endpoint: e}
                                                 ^
                job.yml:6:13: error: services.c.type: expected one of "jupyter_lab", "ssh", "tensor_board", "vs_code", \
                found "notebook"
                  c: {type: notebook}
                            ^
                """)
    }

    @Test func identitiesAndDistributions() throws {
        let folder = try TestFolder()
        let managed = try folder.load(
            """
            command: echo
            environment: azureml:env:1
            identity: {type: Managed, client_id: c, msi_resource_id: /r}
            distribution: {type: tensorflow, worker_count: 2, parameter_server_count: 1}
            """)
        #expect(managed.rendered == "")
        guard case .managed(let client, _, let resource)? = managed.commandJob?.metadata.identity?.value,
            case .tensorflow(let workers, let servers)? = managed.commandJob?.distribution?.value
        else {
            Issue.record("expected a managed identity and tensorflow")
            return
        }
        #expect(client?.value == "c")
        #expect(resource?.value == "/r")
        #expect(workers?.value == 2)
        #expect(servers?.value == 1)
        let token = try folder.load(
            """
            command: echo
            environment: azureml:env:1
            identity: {type: AMLToken}
            distribution: {type: mpi, process_count_per_instance: 2}
            """)
        guard case .amlToken? = token.commandJob?.metadata.identity?.value,
            case .mpi(let processes)? = token.commandJob?.distribution?.value
        else {
            Issue.record("expected aml_token and mpi")
            return
        }
        #expect(processes?.value == 2)
        let ray = try folder.load(
            """
            command: echo
            environment: azureml:env:1
            distribution: {type: ray, port: 6379, include_dashboard: yes}
            identity: {client_id: c}
            """)
        #expect(
            ray.rendered == """
                job.yml:4:11: error: identity: missing required key `type`
                identity: {client_id: c}
                          ^
                """)
    }

    @Test func typeAndSchemaMustAgree() throws {
        let loaded = try TestFolder().load(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            type: sweep
            """)
        #expect(loaded.kind == .sweep)
        let header = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\n^"
        #expect(
            loaded.rendered == """
                job.yml:1:1: error: missing required key `limits`
                \(header)
                job.yml:1:1: error: missing required key `objective`
                \(header)
                job.yml:1:1: error: missing required key `sampling_algorithm`
                \(header)
                job.yml:1:1: error: missing required key `search_space`
                \(header)
                job.yml:1:1: error: missing required key `trial`
                \(header)
                job.yml:2:7: error: type: "sweep" makes this a sweep job, but $schema says commandJob
                type: sweep
                      ^
                """)
    }
}
