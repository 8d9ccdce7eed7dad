import DeployManifest
import DeployYAML
import Foundation
import Testing

@Suite struct ManifestLoaderTests {
    static let prefix = "https://azuremlschemas.azureedge.net/latest/"

    @Test(arguments: [
        ("commandJob.schema.json", ManifestKind.command), ("sweepJob.schema.json", .sweep),
        ("environment.schema.json", .environment), ("data.schema.json", .data), ("code.schema.json", .code),
        ("amlCompute.schema.json", .compute), ("CommandJob.json", .command),
    ])
    func detectsTheKindFromTheSchemaFileName(file: String, kind: ManifestKind) throws {
        let loaded = try TestFolder().load("$schema: \(ManifestLoaderTests.prefix)\(file)\n")
        #expect(loaded.kind == kind)
    }

    @Test(arguments: [
        ("command", ManifestKind.command), ("sweep", .sweep), ("amlcompute", .compute), ("uri_file", .data),
        ("uri_folder", .data), ("mltable", .data), ("Command", .command),
    ])
    func detectsTheKindFromTheType(type: String, kind: ManifestKind) throws {
        #expect(try TestFolder().load("type: \(type)\n").kind == kind)
    }

    @Test func guessesFromTheKeysWhenThereIsNoSchemaOrType() throws {
        #expect(try TestFolder().load("command: echo\n").kind == .command)
        #expect(try TestFolder().load("trial: {}\n").kind == .sweep)
        #expect(try TestFolder().load("name: e\nimage: python\n").kind == .environment)
    }

    @Test func unsupportedKindsAreErrors() throws {
        let pipeline = try TestFolder().load("$schema: \(ManifestLoaderTests.prefix)pipelineJob.schema.json\n")
        #expect(
            pipeline.rendered == """
                job.yml:1:10: error: $schema: "pipelineJob" manifests are not supported; deploy reads commandJob, \
                sweepJob, environment, data, code and amlCompute manifests
                $schema: \(ManifestLoaderTests.prefix)pipelineJob.schema.json
                         ^
                """)
        #expect(pipeline.kind == nil)
        let automl = try TestFolder().load("type: automl\n")
        #expect(
            automl.rendered == """
                job.yml:1:7: error: type: "automl" manifests are not supported; deploy reads command, sweep, \
                amlcompute and data (uri_file, uri_folder, mltable) manifests
                type: automl
                      ^
                """)
    }

    @Test func filesThatAreNotManifests() throws {
        let conda = try TestFolder().load("name: env\nchannels: [conda-forge]\ndependencies: [python]\n")
        #expect(
            conda.rendered == """
                job.yml:1:1: error: not an Azure ML manifest: it has neither `$schema` nor `type`; it looks like a \
                conda file, which an environment names with `conda_file`
                name: env
                ^
                """)
        let list = try TestFolder().load("- a\n- b\n")
        #expect(
            list.rendered == """
                job.yml:1:1: error: not an Azure ML manifest: its top level is a sequence, not a mapping
                - a
                ^
                """)
        #expect(try TestFolder().load("# nothing\n").rendered == "job.yml: error: empty file; expected a manifest")
        let two = try TestFolder().load("command: a\n---\ncommand: b\n")
        #expect(
            two.rendered == """
                job.yml:3:1: error: expected a single YAML document; another one starts here
                command: b
                ^
                """)
        let broken = try TestFolder().load("command: [a\n")
        #expect(
            broken.diagnostics.map(\.message) == [
                "while parsing a flow sequence (line 1, column 10): did not find expected ',' or ']'"
            ])
        #expect(broken.kind == nil)
    }

    @Test func loadsFilesRelativeToTheirFolder() throws {
        let folder = try TestFolder([
            "jobs/job.yml": "command: echo\ncode: src\nenvironment: azureml:env:1\n", "jobs/src/a.py": "",
        ])
        let loaded = ManifestLoader().load(file: folder.path + "/jobs/job.yml")
        #expect(loaded.rendered == "")
        #expect(loaded.directory == folder.path + "/jobs")
        #expect(loaded.commandJob?.code?.value.localPath?.absolute == folder.path + "/jobs/src")
        #expect(loaded.references == [folder.path + "/jobs/src"])
        let missing = ManifestLoader().load(file: folder.path + "/nope.yml")
        #expect(missing.rendered == "\(folder.path)/nope.yml: error: No such file or directory")
    }

    @Test func displaysLocalPathsRelativeToTheManifestAsGiven() throws {
        let folder = try TestFolder(["jobs/job.yml": "command: echo\ncode: srcx\nenvironment: azureml:env:1\n"])
        // A path relative to the working directory, without changing it (tests run in parallel in one process).
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + folder.path.dropFirst()
        let loaded = ManifestLoader().load(file: relative + "/jobs/job.yml")
        #expect(
            loaded.rendered == """
                \(relative)/jobs/job.yml:2:7: error: code: no such file or directory: \(relative)/jobs/srcx
                code: srcx
                      ^
                """)
    }
}
