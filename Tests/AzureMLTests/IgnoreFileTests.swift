import AzureML
import Foundation
import Testing

@Suite struct IgnoreFileTests {
    /// `Fixtures/Hashing/ignore-files.json`: whole ignore files and the paths the SDK's `IgnoreFile` excludes.
    static let table = try? Fixture.json("Hashing/ignore-files.json")
    static let paths = (table?["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
    static let cases = table?["files"]?.arrayValue ?? []

    @Test func fixtureIsThere() {
        #expect(Self.cases.count == 18)
    }

    @Test(arguments: FixtureCase.cases(cases, namedBy: "name"))
    func excludesLikeTheSDK(file: FixtureCase) throws {
        let name = file["name"]?.stringValue ?? ""
        let ignore = try IgnoreFile(text: try #require(file["text"]?.stringValue), path: "/code/.amlignore")
        let expected = Set((file["excluded"]?.arrayValue ?? []).compactMap(\.stringValue))
        let wrong = Self.paths.filter { ignore.isExcluded($0) != expected.contains($0) }
        #expect(wrong.isEmpty, "\(name): disagrees with the SDK on \(wrong)")
    }

    @Test func lastMatchingPatternWins() throws {
        let reincluded = try IgnoreFile(text: "*.env\n!keep.env\n", path: "/c/.gitignore")
        #expect(reincluded.isExcluded("secret.env"))
        #expect(!reincluded.isExcluded("keep.env"))
        let overridden = try IgnoreFile(text: "!keep.env\n*.env\n", path: "/c/.gitignore")
        #expect(overridden.isExcluded("keep.env"))
    }

    @Test func patternsAreRelativeToTheFilesFolder() throws {
        let ignore = try IgnoreFile(text: "/build\n*.log\n", path: "/work/code/.amlignore")
        #expect(ignore.base == "/work/code")
        #expect(ignore.isExcluded(absolutePath: "/work/code/build/x"))
        #expect(ignore.isExcluded(absolutePath: "/work/code/a/run.log"))
        #expect(!ignore.isExcluded(absolutePath: "/work/code/a/build/x"))
        // Outside the folder the path starts with `../`: unanchored patterns still match it, as in the SDK.
        #expect(ignore.isExcluded(absolutePath: "/work/other/run.log"))
        #expect(!ignore.isExcluded(absolutePath: "/work/other/build/x"))
        // pathspec's normalisation drops a leading `/` or `./`.
        #expect(ignore.isExcluded("/build/x") && ignore.isExcluded("./build/x"))
    }

    @Test func countsLinesForErrors() {
        let text = "# ok\r\n*.py\r\n\r\n  !  \n"
        #expect {
            try IgnoreFile(text: text, path: "src/.amlignore")
        } throws: { error in
            (error as? AzureMLError)?.description == #"src/.amlignore:4: invalid ignore pattern "!": nothing to match"#
        }
    }

    @Test func amlignoreWinsOverGitignore() throws {
        let scratch = try ScratchFolder()
        #expect(try IgnoreFile.find(in: scratch.path) == nil)
        try scratch.write(".gitignore", "*.txt\n")
        let git = try #require(try IgnoreFile.find(in: scratch.path))
        #expect(git.path == scratch.path(".gitignore"))
        #expect(git.isExcluded("a.txt"))
        try scratch.write(".amlignore", "*.log\n")
        let aml = try #require(try IgnoreFile.find(in: scratch.path))
        #expect(aml.path == scratch.path(".amlignore"))
        #expect(aml.base == scratch.path)
        #expect(!aml.isExcluded("a.txt") && aml.isExcluded("a.log"))
    }

    @Test func parentIgnoreFilesDoNotApply() throws {
        let scratch = try ScratchFolder()
        try scratch.write(".amlignore", "*.py\n")
        try scratch.folder("src")
        #expect(try IgnoreFile.find(in: scratch.path("src")) == nil)
    }

    @Test func aLinkedIgnoreFileMatchesFromItsTarget() throws {
        let scratch = try ScratchFolder()
        try scratch.write("shared/.amlignore", "/src/secret.txt\n")
        try scratch.link("src/.amlignore", to: "../shared/.amlignore")
        let ignore = try #require(try IgnoreFile.find(in: scratch.path("src")))
        #expect(ignore.base == scratch.path("shared"))
        #expect(ignore.isExcluded(absolutePath: scratch.path("src/secret.txt")) == false)
    }

    @Test func rejectsAnIgnoreFileThatIsNotUTF8() throws {
        let scratch = try ScratchFolder()
        try scratch.write(".amlignore", Data([0x2A, 0xFF, 0x0A]))
        #expect {
            try IgnoreFile.find(in: scratch.path)
        } throws: { error in
            (error as? AzureMLError)?.description == "\(scratch.path(".amlignore")): the ignore file is not valid UTF-8"
        }
    }

    @Test func reportsTheFileAndLineOfAnInvalidPattern() throws {
        let scratch = try ScratchFolder()
        try scratch.write(".gitignore", "\u{FEFF}*.pyc\n[z-a]\n")
        #expect {
            try IgnoreFile.find(in: scratch.path)
        } throws: { error in
            (error as? AzureMLError)?.description
                == "\(scratch.path(".gitignore")):2: invalid ignore pattern \"[z-a]\": bad character range z-a"
        }
    }
}
