import AzureML
import Foundation
import Testing

@Suite struct ContentHashTests {
    @Test func versionIs202208() {
        #expect(ContentHash.version == 202208)
    }

    @Test(arguments: FixtureCase.cases(HashTables.trees, namedBy: "name"))
    func hashesBuiltTreesLikeTheSDK(tree: FixtureCase) throws {
        let (scratch, root) = try HashTables.build(tree.value)
        #expect(
            try ContentHash.of(path: root) == tree["contentHash"]?.stringValue,
            "\(tree["name"]?.stringValue ?? "") in \(scratch.path)"
        )
    }

    @Test(arguments: FixtureCase.cases(HashTables.staticTrees, namedBy: "root"))
    func hashesCommittedTreesLikeTheSDK(tree: FixtureCase) throws {
        #expect(try ContentHash.of(path: HashTables.staticRoot(tree.value)) == tree["contentHash"]?.stringValue)
    }

    @Test func hashesCountNamesAndSizesBeforeBytes() throws {
        let scratch = try ScratchFolder()
        try scratch.write("a.txt", "a")
        try scratch.write("b.txt", "bb")
        let files = [
            LocalFile(relativePath: "a.txt", path: scratch.path("a.txt"), size: 1),
            LocalFile(relativePath: "b.txt", path: scratch.path("b.txt"), size: 2),
        ]
        // hashlib.sha256(b"2#a.txt#1#b.txt#2abb").hexdigest()
        #expect(try ContentHash.of(files: files) == "2fb0b4bb25b96a89d330c326b0adcb4f0a5b3ae55418e424ab36e82ec687b43f")
        // hashlib.sha256(b"0").hexdigest(): an empty folder
        #expect(try ContentHash.of(files: []) == "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9")
        try scratch.folder("empty")
        #expect(try ContentHash.of(path: scratch.path("empty")) == (try ContentHash.of(files: [])))
    }

    @Test func streamsFilesLargerThanItsBuffer() throws {
        // 3 MiB + 5 bytes of a repeating pattern, hashed by Python's hashlib.
        let scratch = try ScratchFolder()
        let unit = Array("0123456789abcdef\n".utf8)
        try scratch.write("big.bin", Data((0..<(3 << 20) + 5).map { unit[$0 % unit.count] }))
        #expect(
            try ContentHash.of(path: scratch.path("big.bin"))
                == "b5e74d096d1c5bf07cdf5a47140491064639bdd39d45f4605d6ca95289e81902")
    }

    @Test(.enabled(if: Fixture.conformanceAvailable, "needs ../shared/conformance"))
    func reproducesEveryCodeHashOfTheConformanceRecords() throws {
        let observations = try ConformanceCorpus.contentHashes()
        #expect(observations.count == 57)
        #expect(Set(observations.map(\.hash)).count == 3)
        var computed: [String: String] = [:]
        for observation in observations {
            if computed[observation.path] == nil {
                computed[observation.path] = try ContentHash.of(path: observation.path)
            }
            #expect(computed[observation.path] == observation.hash, "\(observation)")
        }
        // The lightgbm example as recorded over the corpus' placeholder `main.py` (the reference's 250ad357… was
        // computed over the upstream file, which the corpus does not ship).
        let lightgbm = Fixture.conformance.appendingPathComponent("corpus/jobs/single-step/lightgbm/iris/src").path
        #expect(
            try ContentHash.of(path: lightgbm) == "24b444177baf35fd17a4ec246272f97758471b635f7a53e72fe710aa5b9116a8")
    }
}
