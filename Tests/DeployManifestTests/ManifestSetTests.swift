import DeployManifest
import DeployYAML
import Testing

@Suite struct ManifestSetTests {
    static let files = [
        "ml/job.yml": """
        command: python train.py
        code: src
        environment: {image: python, conda_file: envs/conda.yml}
        inputs: {cfg: {type: uri_file, path: settings/config.yaml}}
        """,
        "ml/envs/conda.yml": "name: c\ndependencies: [python]\n",
        "ml/src/params.yaml": "lr: 0.1\n",
        "ml/settings/config.yaml": "a: 1\n",
        "ml/other.yml": "command: echo\nenvironment: file:shared-env.yml\n",
        "ml/shared-env.yml": "image: python\n",
        "ml/notes.yaml": "title: notes\n",
        "ml/empty.yaml": "",
        "ml/broken.yml": "a: [\n",
        "ml/.hidden/bad.yml": "x: [\n",
        "ml/readme.txt": "hi\n",
        "nothing/": "",
    ]

    @Test func scansFoldersSkippingReferencedFilesAndNonManifests() throws {
        let folder = try TestFolder(ManifestSetTests.files)
        let root = folder.path
        let set = ManifestLoader().load(paths: [root + "/ml"])
        #expect(set.manifests.map(\.path) == [root + "/ml/broken.yml", root + "/ml/job.yml", root + "/ml/other.yml"])
        #expect(set.manifests.map(\.kind) == [nil, .command, .command])
        #expect(
            set.manifests[0].rendered == """
                \(root)/ml/broken.yml:2:1: error: while parsing a flow node (line 2, column 1): did not find expected \
                node content

                ^
                """)
        #expect(
            set.diagnostics.map(\.rendered) == [
                "\(root)/ml/empty.yaml: warning: not an Azure ML manifest (it is empty); skipped",
                "\(root)/ml/notes.yaml: warning: not an Azure ML manifest (it has neither `$schema` nor `type`; add "
                    + "`$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json`); skipped",
            ])
        #expect(set.hasErrors)
    }

    @Test func pathsGivenDirectlyMustBeManifests() throws {
        let folder = try TestFolder(ManifestSetTests.files)
        let root = folder.path
        let set = ManifestLoader().load(paths: [
            root + "/ml/notes.yaml", root + "/missing", root + "/nothing", root + "/ml/job.yml", root + "/ml/job.yml",
        ])
        #expect(set.manifests.map(\.path) == [root + "/ml/notes.yaml", root + "/ml/job.yml"])
        #expect(
            set.manifests[0].rendered == """
                \(root)/ml/notes.yaml:1:1: error: not an Azure ML manifest: it has neither `$schema` nor `type`; add \
                `$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json`
                title: notes
                ^
                """)
        #expect(
            set.diagnostics.map(\.rendered) == [
                "\(root)/missing: error: no such file or directory",
                "\(root)/nothing: error: no *.yml or *.yaml files in this directory",
            ])
    }

    @Test func aFileAlreadyLoadedIsNotLoadedAgainFromItsFolder() throws {
        let folder = try TestFolder(ManifestSetTests.files)
        let set = ManifestLoader().load(paths: [folder.path + "/ml/job.yml", folder.path + "/ml"])
        #expect(set.manifests.map(\.path).filter { $0.hasSuffix("job.yml") } == [folder.path + "/ml/job.yml"])
    }

    @Test func referencesCountAcrossPathArguments() throws {
        let folder = try TestFolder(ManifestSetTests.files)
        let root = folder.path
        // What a shell glob such as `ml/*` passes: the job, and the folders holding what it references.
        let set = ManifestLoader().load(paths: [root + "/ml/job.yml", root + "/ml/envs", root + "/ml/src"])
        #expect(set.manifests.map(\.path) == [root + "/ml/job.yml"])
        #expect(set.diagnostics.isEmpty)
    }
}
