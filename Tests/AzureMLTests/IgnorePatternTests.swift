import AzureML
import Testing

@Suite struct IgnorePatternTests {
    /// `Fixtures/Hashing/ignore-patterns.json`: for each line, what the SDK's vendored pathspec makes of it.
    static let table = try? Fixture.json("Hashing/ignore-patterns.json")
    static let paths = (table?["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
    static let entries = table?["patterns"]?.arrayValue ?? []

    @Test func fixtureIsThere() {
        #expect(Self.paths.count == 83)
        #expect(Self.entries.count == 114)
    }

    @Test(arguments: FixtureCase.cases(entries, namedBy: "line"))
    func matchesLikeTheSDK(entry: FixtureCase) throws {
        let line = try #require(entry["line"]?.stringValue)
        if entry["error"]?.isNull == false {
            #expect(throws: AzureMLError.self, "\(line)") { try IgnorePattern(line) }
            return
        }
        let pattern = try IgnorePattern(line)
        let effect: IgnorePattern.Effect? =
            switch entry["effect"]?.stringValue {
            case "exclude": .exclude
            case "include": .include
            default: nil
            }
        #expect(pattern.effect == effect, "\(line)")
        let expected = Set((entry["matches"]?.arrayValue ?? []).compactMap(\.stringValue))
        let wrong = Self.paths.filter { pattern.matches($0) != expected.contains($0) }
        #expect(wrong.isEmpty, "pattern \(line.debugDescription) disagrees with the SDK on \(wrong)")
    }

    /// `Fixtures/Hashing/ignore-fuzz.json`: 625 seeded random patterns against 230 random paths, answered by the SDK.
    @Test func agreesWithTheSDKOnRandomPatterns() throws {
        let fuzz = try Fixture.json("Hashing/ignore-fuzz.json")
        let paths = (fuzz["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
        let entries = fuzz["patterns"]?.arrayValue ?? []
        #expect(paths.count == 230 && entries.count == 625)
        var disagreements: [String] = []
        for entry in entries {
            let line = try #require(entry["line"]?.stringValue)
            guard entry["error"]?.isNull != false else {
                if (try? IgnorePattern(line)) != nil { disagreements.append("\(line.debugDescription) should throw") }
                continue
            }
            let pattern = try IgnorePattern(line)
            let expected = Set((entry["matches"]?.arrayValue ?? []).compactMap(\.intValue))
            let wrong = paths.indices.filter { pattern.matches(paths[$0]) != expected.contains($0) }
            if !wrong.isEmpty { disagreements.append("\(line.debugDescription) on \(wrong.map { paths[$0] })") }
        }
        #expect(disagreements.isEmpty)
    }

    @Test(arguments: [
        ("!", #"invalid ignore pattern "!": nothing to match"#),
        (" ! ", #"invalid ignore pattern "!": nothing to match"#),
        (#"a\"#, #"invalid ignore pattern "a\": it ends with an escape character "\" (trailing spaces are stripped)"#),
        (
            #"foo\ "#,
            #"invalid ignore pattern "foo\": it ends with an escape character "\" (trailing spaces are stripped)"#
        ),
        ("[z-a]x", #"invalid ignore pattern "[z-a]x": bad character range z-a"#),
        ("d/[b-a].py", #"invalid ignore pattern "d/[b-a].py": bad character range b-a"#),
    ])
    func rejectsWhatTheSDKRejects(line: String, message: String) {
        #expect {
            try IgnorePattern(line)
        } throws: { error in
            (error as? AzureMLError)?.description == message
        }
    }

    @Test func keepsLinesAsWritten() throws {
        let pattern = try IgnorePattern("  *.log \t")
        #expect(pattern.line == "  *.log \t")
        #expect(pattern.effect == .exclude)
        #expect(pattern.matches("logs/run.log"))
    }

    /// Where the SDK's copy of pathspec and pip's pathspec 1.1.1 disagree, the SDK is followed.
    @Test func followsTheSDKWherePathspecChanged() throws {
        // Leading whitespace is stripped; git and newer pathspec keep it.
        #expect(try IgnorePattern("  sp").matches("sp"))
        // `[^...]` is a bracket with a literal `^`, not a negation.
        let caret = try IgnorePattern("[^a]x")
        #expect(caret.matches("^x") && caret.matches("ax") && !caret.matches("bx"))
        // An unclosed or empty-looking bracket is a literal `[`.
        #expect(try IgnorePattern("[x").matches("[x"))
        #expect(try IgnorePattern("[!]x").matches("[!]x"))
        // `!/` re-includes nothing.
        #expect(!(try IgnorePattern("!/").matches("d/a.py")))
        // `.` does not match a newline, but `$` matches before a final one (Python's `re`).
        #expect(try IgnorePattern("**").matches("a\n"))
        #expect(!(try IgnorePattern("**").matches("a\nb")))
    }

    @Test func commentsBlankLinesAndRootHaveNoEffect() throws {
        for line in ["# x", "", "   ", "/", "#*.py"] {
            let pattern = try IgnorePattern(line)
            #expect(pattern.effect == nil, "\(line)")
            #expect(!pattern.matches("x"))
        }
    }

    @Test func largeInputsDoNotBacktrack() throws {
        let pattern = try IgnorePattern("*a*a*a*a*a*a*a*a*a*a*a*a*b")
        #expect(!pattern.matches(String(repeating: "a", count: 2_000)))
        #expect(pattern.matches(String(repeating: "a", count: 2_000) + "b"))
    }
}
