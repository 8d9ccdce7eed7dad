import AzureML
import Foundation
import Testing

@Suite struct ObjectHashTests {
    @Test(arguments: FixtureCase.cases(HashTables.trees, namedBy: "name"))
    func hashesBuiltTreesLikeTheSDK(tree: FixtureCase) throws {
        let (scratch, root) = try HashTables.build(tree.value)
        #expect(
            try ObjectHash.of(path: root) == tree["objectHash"]?.stringValue,
            "\(tree["name"]?.stringValue ?? "") in \(scratch.path)"
        )
    }

    @Test(arguments: FixtureCase.cases(HashTables.staticTrees, namedBy: "root"))
    func hashesCommittedTreesLikeTheSDK(tree: FixtureCase) throws {
        #expect(try ObjectHash.of(path: HashTables.staticRoot(tree.value)) == tree["objectHash"]?.stringValue)
    }

    @Test func aSingleFileIsItsBytesAfterTheSeed() throws {
        let scratch = try ScratchFolder()
        let unit = Array("0123456789abcdef\n".utf8)
        try scratch.write("big.bin", Data((0..<(3 << 20) + 5).map { unit[$0 % unit.count] }))
        // hashlib.sha256(b"Initialize for october 2021 AML CLI version" + data).hexdigest()
        #expect(
            try ObjectHash.of(path: scratch.path("big.bin"))
                == "4bab987942dcce812a1cd692c47a2cdbe2a0ca7742bdf8aae51682cc0dedfa8b")
    }

    @Test func folderNamesCountButNotAsFiles() throws {
        // The same bytes under a file name and under a folder of that name give different hashes.
        let scratch = try ScratchFolder()
        try scratch.write("one/x", "data")
        try scratch.write("two/x/y", "data")
        #expect(try ObjectHash.of(path: scratch.path("one")) != (try ObjectHash.of(path: scratch.path("two"))))
        // An ignored folder's contents are skipped but its name is hashed, so it differs from having no folder.
        try scratch.write("three/.amlignore", "x/\n")
        try scratch.write("three/x/y", "data")
        try scratch.write("four/.amlignore", "x/\n")
        try scratch.folder("four/x")
        #expect(try ObjectHash.of(path: scratch.path("three")) == (try ObjectHash.of(path: scratch.path("four"))))
    }

    @Test func doesNotFollowALinkBackIntoTheWalk() throws {
        let scratch = try ScratchFolder()
        try scratch.write("src/a.txt", "a")
        try scratch.link("src/up", to: ".")
        try scratch.write("plain/a.txt", "a")
        try scratch.write("plain/up", "")
        // The loop's name is hashed; the link is not followed, like an empty file of that name.
        #expect(try ObjectHash.of(path: scratch.path("src")) == (try ObjectHash.of(path: scratch.path("plain"))))
    }

    @Test func aMissingPathIsAnError() throws {
        let scratch = try ScratchFolder()
        #expect {
            try ObjectHash.of(path: scratch.path("nothing"))
        } throws: { error in
            (error as? AzureMLError)?.description == "\(scratch.path("nothing")): No such file or directory"
        }
    }

    @Test(.enabled(if: Fixture.conformanceAvailable, "needs ../shared/conformance"))
    func reproducesEveryUploadFolderOfTheConformanceRecords() throws {
        let observations = try ConformanceCorpus.objectHashes()
        #expect(observations.count == 60)
        #expect(Set(observations.map(\.hash)).count == 7)
        var computed: [String: String] = [:]
        for observation in observations {
            if computed[observation.path] == nil {
                computed[observation.path] = try? ObjectHash.of(path: observation.path)
            }
            #expect(computed[observation.path] == observation.hash, "\(observation)")
        }
        #expect(computed.count == 7)
    }
}
