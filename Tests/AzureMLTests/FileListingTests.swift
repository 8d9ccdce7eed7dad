import Foundation
import Testing

@testable import AzureML

@Suite struct FileListingTests {
    @Test func fixturesAreThere() {
        #expect(HashTables.trees.count == 16)
        #expect(HashTables.staticTrees.count == 3)
    }

    @Test(arguments: FixtureCase.cases(HashTables.trees, namedBy: "name"))
    func listsBuiltTreesLikeTheSDK(tree: FixtureCase) throws {
        let (scratch, root) = try HashTables.build(tree.value)
        let files = try FileListing.files(at: root)
        #expect(files.map(\.relativePath) == HashTables.files(tree.value), "\(tree["name"]?.stringValue ?? "")")
        for file in files {
            #expect(file.path.hasPrefix(scratch.path + "/"))
            #expect(FileManager.default.fileExists(atPath: file.path))
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(file.path) is read through links")
            #expect((attributes[.size] as? NSNumber)?.int64Value == file.size)
        }
    }

    @Test(arguments: FixtureCase.cases(HashTables.staticTrees, namedBy: "root"))
    func listsCommittedTreesLikeTheSDK(tree: FixtureCase) throws {
        let files = try FileListing.files(at: HashTables.staticRoot(tree.value))
        #expect(files.map(\.relativePath) == HashTables.files(tree.value))
    }

    @Test func readsLinkedFilesThroughTheirTargets() throws {
        let scratch = try ScratchFolder()
        try scratch.write("real/b.txt", "bb")
        try scratch.link("src/b.txt", to: "../real/b.txt")
        try scratch.link("src/lib", to: "../real")
        let files = try FileListing.files(at: scratch.path("src"))
        #expect(
            files == [
                LocalFile(relativePath: "b.txt", path: scratch.path("real/b.txt"), size: 2),
                LocalFile(relativePath: "lib/b.txt", path: scratch.path("real/b.txt"), size: 2),
            ])
    }

    @Test func singleFileIsListedUnderItsRealName() throws {
        let scratch = try ScratchFolder()
        try scratch.write("real/train.py", "x = 1\n")
        try scratch.link("entry.py", to: "real/train.py")
        let files = try FileListing.files(at: scratch.path("entry.py"))
        #expect(files == [LocalFile(relativePath: "train.py", path: scratch.path("real/train.py"), size: 6)])
    }

    @Test func doesNotFollowALinkBackIntoTheWalk() throws {
        let scratch = try ScratchFolder()
        try scratch.write("src/a.txt", "a")
        try scratch.write("src/sub/b.txt", "b")
        try scratch.link("src/sub/up", to: "..")
        try scratch.link("src/self", to: ".")
        try scratch.link("src/sub/again", to: "../sub")
        let files = try FileListing.files(at: scratch.path("src"))
        #expect(files.map(\.relativePath) == ["a.txt", "sub/b.txt"])
    }

    @Test func followsTheSameFolderTwiceWhenItIsNotALoop() throws {
        let scratch = try ScratchFolder()
        try scratch.write("src/real/a.txt", "a")
        try scratch.link("src/one", to: "real")
        try scratch.link("src/two", to: "real")
        let files = try FileListing.files(at: scratch.path("src"))
        #expect(files.map(\.relativePath) == ["one/a.txt", "real/a.txt", "two/a.txt"])
    }

    @Test func ignoresFilesButNotFoldersWhileWalking() throws {
        // `logs/` excludes the files below `logs`; a negation can bring one back because folders are not pruned.
        let scratch = try ScratchFolder()
        try scratch.write("src/.amlignore", "logs/\n!logs/keep.txt\n")
        try scratch.write("src/logs/a.log", "a")
        try scratch.write("src/logs/keep.txt", "k")
        let files = try FileListing.files(at: scratch.path("src"))
        #expect(files.map(\.relativePath) == [".amlignore", "logs/keep.txt"])
    }

    @Test func aDanglingLinkIsAnError() throws {
        let scratch = try ScratchFolder()
        try scratch.write("src/a.txt", "a")
        try scratch.link("src/broken", to: "missing")
        #expect {
            try FileListing.files(at: scratch.path("src"))
        } throws: { error in
            (error as? AzureMLError)?.description == "\(scratch.path("src/broken")): dangling symbolic link"
        }
        try scratch.write("src/.amlignore", "broken\n")
        #expect(try FileListing.files(at: scratch.path("src")).map(\.relativePath) == [".amlignore", "a.txt"])
    }

    @Test func aSpecialFileIsAnError() throws {
        let scratch = try ScratchFolder()
        try scratch.folder("src")
        #expect(mkfifo(scratch.path("src/pipe"), 0o600) == 0)
        #expect {
            try FileListing.files(at: scratch.path("src"))
        } throws: { error in
            (error as? AzureMLError)?.description == "\(scratch.path("src/pipe")): not a regular file"
        }
    }

    @Test func aMissingPathIsAnError() throws {
        let scratch = try ScratchFolder()
        #expect {
            try FileListing.files(at: scratch.path("nothing"))
        } throws: { error in
            (error as? AzureMLError)?.description == "\(scratch.path("nothing")): No such file or directory"
        }
    }

    @Test func anEmptyFolderHasNoFiles() throws {
        let scratch = try ScratchFolder()
        try scratch.folder("src/empty")
        #expect(try FileListing.files(at: scratch.path("src")).isEmpty)
    }

    @Test func sortsByLowercasedPathKeepingWalkOrderForTies() {
        let walked = ["b/x", "B/y", "a.txt", "A.TXT", "_x", "Zeta", "é", "É", "ΑΣ", "ας"].map {
            LocalFile(relativePath: $0, path: "/" + $0, size: 0)
        }
        let sorted = FileListing.sortedAsHashed(walked).map(\.relativePath)
        #expect(sorted == ["_x", "a.txt", "A.TXT", "b/x", "B/y", "Zeta", "é", "É", "ΑΣ", "ας"])
    }
}
