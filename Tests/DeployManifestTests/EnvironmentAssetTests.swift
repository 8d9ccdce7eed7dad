import DeployManifest
import DeployYAML
import Testing

@Suite struct EnvironmentAssetTests {
    static let schema = "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\n"

    @Test func imageWithCondaFileAndInferenceConfig() throws {
        let folder = try TestFolder(["conda/env.yml": "name: e\nchannels: [conda-forge]\ndependencies: [python=3.10]\n"]
        )
        let loaded = try folder.load(
            EnvironmentAssetTests.schema + """
                name: env1
                version: 3
                description: Env desc
                tags: {a: b, n: 1}
                image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
                conda_file: conda/env.yml
                os_type: Linux
                inference_config:
                  liveness_route: {port: 5001, path: /live}
                  readiness_route: {port: 5001, path: /ready}
                  scoring_route: {port: 5001, path: /score}
                """, name: "env.yml")
        #expect(loaded.rendered == "")
        #expect(loaded.kind == .environment)
        let asset = try #require(loaded.environmentAsset)
        #expect(asset.name.value == "env1")
        #expect(asset.version?.value == "3")
        #expect(asset.definition.tags["n"]?.value == .int(1))
        #expect(asset.definition.osType?.value == .linux)
        #expect(asset.definition.inferenceConfig?.value.scoringRoute.value.path.value == "/score")
        #expect(asset.definition.inferenceConfig?.value.livenessRoute.value.port.value == 5001)
        guard case .file(let path, let contents)? = asset.definition.condaFile?.value else {
            Issue.record("expected a conda file")
            return
        }
        #expect(path.written == "conda/env.yml")
        #expect(
            try YAMLPlain.dump(safeLoading: contents)
                == "channels:\n- conda-forge\ndependencies:\n- python=3.10\nname: e\n")
        #expect(loaded.references == [folder.path + "/conda/env.yml"])
    }

    @Test func buildContextAndInlineConda() throws {
        let folder = try TestFolder(["ctx/Dockerfile": "FROM python\n"])
        let loaded = try folder.load(
            EnvironmentAssetTests.schema + """
                name: built
                build: {path: ctx, dockerfile_path: Dockerfile}
                conda_file: {dependencies: [python]}
                """, name: "env.yml")
        #expect(loaded.rendered == "")
        let definition = try #require(loaded.environmentAsset?.definition)
        #expect(definition.build?.value.path.value.localPath?.absolute == folder.path + "/ctx")
        #expect(definition.build?.value.dockerfilePath?.value == "Dockerfile")
        guard case .inline(let node)? = definition.condaFile?.value else {
            Issue.record("expected inline conda")
            return
        }
        #expect(node["dependencies"]?.items?.count == 1)
        let remote = try folder.load(
            EnvironmentAssetTests.schema + "name: r\nbuild: {path: https://example.com/ctx.zip}\n", name: "env.yml")
        #expect(remote.environmentAsset?.definition.build?.value.path.value == .remote("https://example.com/ctx.zip"))
    }

    @Test func imageAndBuildAreExclusive() throws {
        let folder = try TestFolder(["ctx/Dockerfile": ""])
        let both = try folder.load(
            EnvironmentAssetTests.schema + "name: e\nimage: python\nbuild: {path: ctx}\n", name: "env.yml")
        #expect(
            both.rendered == """
                env.yml:4:1: error: `image` and `build` are exclusive; give only one
                build: {path: ctx}
                ^
                """)
        let neither = try folder.load(EnvironmentAssetTests.schema + "name: e\ndescription: d\n", name: "env.yml")
        #expect(
            neither.rendered == """
                env.yml:1:1: error: missing `image` or `build`; an environment needs exactly one
                \(EnvironmentAssetTests.schema)^
                """)
    }

    @Test func condaContentAtTheTopLevelAndProperties() throws {
        let loaded = try TestFolder().load(
            EnvironmentAssetTests.schema + """
                name: e
                version: 1.10
                properties: {a: b}
                channels: [conda-forge]
                dependencies: [python]
                id: azureml:/subscriptions/x
                latest_version: "4"
                """, name: "env.yml")
        #expect(
            loaded.rendered == """
                env.yml:3:10: error: version: expected a string or an integer, found 1.10; quote it ("1.10") to keep \
                it as written
                version: 1.10
                         ^
                env.yml:4:1: error: properties: unknown key; environments have no `properties`; use `tags`
                properties: {a: b}
                ^
                env.yml:5:1: error: channels: conda content belongs in a conda file; move `channels` and \
                `dependencies` to a YAML file and name it with `conda_file`
                channels: [conda-forge]
                ^
                env.yml:6:1: error: dependencies: conda content belongs in a conda file; move `channels` and \
                `dependencies` to a YAML file and name it with `conda_file`
                dependencies: [python]
                ^
                env.yml:7:1: warning: id: read-only key, ignored
                id: azureml:/subscriptions/x
                ^
                env.yml:8:1: warning: latest_version: read-only key, ignored
                latest_version: "4"
                ^
                """)
    }

    @Test func condaFileProblems() throws {
        let folder = try TestFolder([
            "broken.yml": "name: x\ndependencies: [\n", "empty.yml": "", "two.yml": "a: 1\n---\nb: 2\n", "dir/": "",
        ])
        let loaded = try folder.load(
            """
            command: echo
            environment:
              image: python
              conda_file: broken.yml
              inference_config: {liveness_route: {port: x}}
            """)
        #expect(
            loaded.rendered == """
                broken.yml:3:1: error: while parsing a flow node (line 3, column 1): did not find expected node \
                content

                ^
                job.yml:5:3: error: environment.inference_config: missing required key `readiness_route`
                  inference_config: {liveness_route: {port: x}}
                  ^
                job.yml:5:3: error: environment.inference_config: missing required key `scoring_route`
                  inference_config: {liveness_route: {port: x}}
                  ^
                job.yml:5:22: error: environment.inference_config.liveness_route: missing required key `path`
                  inference_config: {liveness_route: {port: x}}
                                     ^
                job.yml:5:45: error: environment.inference_config.liveness_route.port: expected an integer, found "x"
                  inference_config: {liveness_route: {port: x}}
                                                            ^
                """)
        for (file, message) in [
            ("empty.yml", "environment.conda_file: empty.yml is empty"),
            ("dir", "environment.conda_file: dir is a folder; expected a YAML file"),
            ("nope.yml", "environment.conda_file: no such file or directory: nope.yml"),
        ] {
            let result = try folder.load("command: echo\nenvironment: {image: python, conda_file: \(file)}\n")
            #expect(result.diagnostics.map(\.message) == [message])
        }
        let two = try folder.load("command: echo\nenvironment: {image: python, conda_file: two.yml}\n")
        #expect(
            two.rendered == """
                two.yml:3:1: error: expected a single YAML document; another one starts here
                b: 2
                ^
                """)
    }

    @Test func buildContextsAreFoldersWithADockerfile() throws {
        let folder = try TestFolder(["ctx/requirements.txt": "", "file.txt": ""])
        let loaded = try folder.load(
            EnvironmentAssetTests.schema + "name: e\nbuild: {path: ctx, dockerfile_path: docker/Dockerfile.gpu}\n",
            name: "env.yml")
        #expect(
            loaded.rendered == """
                env.yml:3:37: warning: build: no docker/Dockerfile.gpu in ctx; the image build will fail
                build: {path: ctx, dockerfile_path: docker/Dockerfile.gpu}
                                                    ^
                """)
        #expect(loaded.environmentAsset != nil)
        let file = try folder.load(EnvironmentAssetTests.schema + "name: e\nbuild: {path: file.txt}\n", name: "env.yml")
        #expect(
            file.rendered == """
                env.yml:3:15: error: build.path: file.txt is a file; a build context is a folder
                build: {path: file.txt}
                              ^
                """)
    }
}
