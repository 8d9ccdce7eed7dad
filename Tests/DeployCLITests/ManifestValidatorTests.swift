import DeployCLI
import DeployYAML
import Foundation
import Testing

@Suite struct ManifestValidatorTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "deploy-validate-\(UUID().uuidString)")
        try TemporaryFiles.write(
            [
                "good.yaml": "name: job\ncommand: echo hi\nenvironment:\n  image: python:3.11\n",
                "jobs/train.yml": "command: python train.py\nenvironment: azureml:AzureML-sklearn-1.5@latest\n",
                "jobs/nested/env.yaml": "name: env\nimage: python:3.11\nconda_file: conda.yml\n",
                "jobs/nested/conda.yml": "name: conda\ndependencies: [python=3.11]\n",
                "jobs/settings.yaml": "a: 1\n",
                "jobs/notes.txt": "not: [yaml\n",
                "jobs/.hidden/skip.yaml": "bad: [\n",
                "broken/dup.yaml": "name: a\nname: b\nlist: {x: 1, x: 2}\n",
                "broken/quote.yml": "a: 1\nb: \"x\n",
                "empty/.keep": "",
            ], under: directory)
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    @Test func findsManifestsRecursively() {
        let report = ManifestValidator().validate(paths: [path("jobs"), path("good.yaml")])
        #expect(report.files == [path("jobs/nested/env.yaml"), path("jobs/train.yml"), path("good.yaml")])
        #expect(
            report.diagnostics.map(\.rendered) == [
                "\(path("jobs/settings.yaml")): warning: not an Azure ML manifest (it has neither `$schema` nor "
                    + "`type`; add `$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json`); skipped"
            ])
        #expect(!report.hasErrors)
        #expect(report.summary == "3 files valid, 1 warning")
    }

    @Test func reportsEveryProblemInOrder() {
        let report = ManifestValidator().validate(paths: [path("broken")])
        #expect(report.files == [path("broken/dup.yaml"), path("broken/quote.yml")])
        #expect(
            report.diagnostics.map(\.rendered) == [
                "\(path("broken/dup.yaml")):2:1: error: duplicate key \"name\", first defined at line 1, column 1\nname: b\n^",
                "\(path("broken/dup.yaml")):3:14: error: duplicate key \"x\", first defined at line 3, column 8\n"
                    + "list: {x: 1, x: 2}\n             ^",
                "\(path("broken/quote.yml")):3:1: error: while scanning a quoted scalar (line 2, column 4): found "
                    + "unexpected end of stream\n\n^",
            ])
        #expect(report.summary == "3 errors in 2 of 2 files")
    }

    @Test func missingPathsAndEmptyDirectoriesAreErrors() {
        let report = ManifestValidator().validate(paths: [path("nope.yaml"), path("empty")])
        #expect(
            report.diagnostics.map(\.rendered) == [
                "\(path("nope.yaml")): error: no such file or directory",
                "\(path("empty")): error: no *.yml or *.yaml files in this directory",
            ])
        #expect(report.hasErrors)
        #expect(report.summary == "2 errors in 2 of 0 files")
    }

    @Test func unreadableFileIsAnError() {
        let diagnostics = ManifestValidator().validate(file: path("jobs"))
        #expect(diagnostics.map(\.rendered) == ["\(path("jobs")): error: Is a directory"])
    }
}

/// Writes a tree of files for a test.
enum TemporaryFiles {
    static func write(_ files: [String: String], under directory: URL) throws {
        for (relative, text) in files {
            let url = directory.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
