import DeployManifest
import DeployYAML
import Foundation
import Testing

/// The conformance corpus and the project's example manifests must validate without errors.
@Suite struct CorpusTests {
    /// The copies under `Fixtures/corpus` (a representative subset, so the tests stand alone).
    @Test func fixtureCopiesValidate() {
        let set = ManifestLoader().load(paths: [PackagePaths.fixtures + "/corpus"])
        let root = PackagePaths.fixtures + "/corpus"
        #expect(set.manifests.count == 16)
        #expect(set.diagnostics.isEmpty)
        let problems = set.manifests.flatMap(\.diagnostics).map(\.rendered)
        #expect(
            problems == [
                """
                \(root)/jobs/basics/hello-iris-literal.yml:7:3: warning: inputs.type: this is a literal input named \
                `type`; to give an input a type, indent `type` under the input's name
                  type: uri_file
                  ^
                """
            ])
        #expect(set.manifests.allSatisfy { $0.manifest != nil })
    }

    @Test func theLiteralTypeInputLoadsAsTheSDKLoadsIt() throws {
        let loaded = ManifestLoader().load(file: PackagePaths.fixtures + "/corpus/jobs/basics/hello-iris-literal.yml")
        let job = try #require(loaded.commandJob)
        let literals = job.inputs.map { entry -> String in
            if case .literal(let value) = entry.value.value { return "\(entry.key.value)=\(value.pythonString)" }
            return entry.key.value
        }
        #expect(
            literals == ["type=uri_file", "iris_csv=https://azuremlexamples.blob.core.windows.net/datasets/iris.csv"])
    }

    @Test func exampleManifestsValidateCleanly() throws {
        let set = ManifestLoader().load(paths: [PackagePaths.root + "/manifests"])
        #expect(set.manifests.map(\.kind) == [.compute, .sweep, .command])
        #expect(set.diagnostics.isEmpty)
        #expect(set.manifests.flatMap(\.diagnostics).map(\.rendered) == [])
        let job = try #require(set.manifests.last?.commandJob)
        #expect(job.code?.value.localPath?.lastComponent == "src")
        #expect(job.metadata.compute == nil)
    }

    /// Every manifest `../shared/conformance/index.json` lists, with the kind it records.
    @Test(.enabled(if: PackagePaths.hasConformance)) func sharedCorpusValidates() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.conformance + "/index.json"))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(index["manifests"] as? [[String: Any]])
        #expect(entries.count == 44)
        for entry in entries {
            let path = try #require(entry["path"] as? String)
            let kind = try #require(entry["kind"] as? String)
            let loaded = ManifestLoader().load(file: PackagePaths.conformance + "/corpus/" + path)
            #expect(!loaded.hasErrors, "\(path): \(loaded.rendered)")
            #expect(loaded.kind?.rawValue == kind, "\(path)")
            #expect(loaded.manifest != nil, "\(path)")
        }
        let set = ManifestLoader().load(paths: [PackagePaths.conformance + "/corpus"])
        #expect(set.manifests.count == 44)
        #expect(set.diagnostics.isEmpty)
        #expect(!set.hasErrors)
    }
}
