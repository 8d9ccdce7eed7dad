import DeployYAML
import Foundation
import Testing

@Suite struct YAMLParserTests {
    let parser = YAMLParser()

    func parseOne(_ text: String, name: String = "test.yaml") throws -> Node {
        let documents = try parser.parse(text, name: name)
        try #require(documents.count == 1)
        return documents[0]
    }

    func error(_ text: String, name: String = "test.yaml") -> YAMLError? {
        do {
            _ = try parser.parse(text, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func buildsTreeWithMarks() throws {
        let root = try parseOne("name: job\nlimits:\n  max: 3\nargs: [a, 'b']\n")
        #expect(root.start == Mark(line: 1, column: 1, offset: 0))
        #expect(root.source == "test.yaml")
        let pairs = try root.mapping()
        #expect(pairs.map { $0.key.scalar?.text } == ["name", "limits", "args"])
        #expect(pairs[0].key.start == Mark(line: 1, column: 1, offset: 0))
        #expect(pairs[0].key.end == Mark(line: 1, column: 5, offset: 4))
        #expect(pairs[0].value.start == Mark(line: 1, column: 7, offset: 6))
        #expect(pairs[0].value.end == Mark(line: 1, column: 10, offset: 9))
        let max = try #require(root["limits"]?["max"])
        #expect(max.start == Mark(line: 3, column: 8, offset: 25))
        #expect(try max.int() == 3)
        let args = try #require(root["args"]).sequence()
        #expect(args.map(\.scalar) == [Node.Scalar("a"), Node.Scalar("b", style: .singleQuoted)])
        #expect(args[1].start == Mark(line: 4, column: 11, offset: 37))
    }

    @Test func columnsCountUnicodeScalarsAndOffsetsCountBytes() throws {
        let root = try parseOne("é: 😀\nclé: \"ü\"\n")
        let pairs = try root.mapping()
        #expect(pairs[0].value.start == Mark(line: 1, column: 4, offset: 4))
        #expect(pairs[1].key.start == Mark(line: 2, column: 1, offset: 9))
        #expect(pairs[1].value.start == Mark(line: 2, column: 6, offset: 15))
        #expect(try pairs[1].value.string() == "ü")
    }

    @Test func acceptsByteOrderMark() throws {
        let source = SourceFile(name: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8))
        let root = try #require(try parser.parse(source).first)
        #expect(root.start == Mark(line: 1, column: 1, offset: 3))
        #expect(root["b"]?.start == Mark(line: 2, column: 4, offset: 11))
        #expect(source.line(at: root.start) == "a: 1")
    }

    @Test func emptyInputsHaveNoDocuments() throws {
        #expect(try parser.parse("").isEmpty)
        #expect(try parser.parse("# just a comment\n\n").isEmpty)
        #expect(try parser.parse(SourceFile(name: "bom", bytes: [0xEF, 0xBB, 0xBF])).isEmpty)
        let empty = try parser.parse("---\n")
        #expect(empty == [Node(scalar: "")])
        #expect(empty[0].isNull)
    }

    @Test func readsMultipleDocuments() throws {
        let documents = try parser.parse("- 1\n- 2\n---\nname: b\n...\n--- 3\n")
        #expect(documents == [["1", "2"], ["name": "b"], "3"])
        #expect(documents.map(\.start.line) == [1, 4, 6])
    }

    @Test func resolvesAnchorsAndAliases() throws {
        let root = try parseOne("base: &b {image: x}\nuse: *b\nname: &n job\ncopy: *n\n")
        #expect(root["use"] == ["image": "x"])
        // An alias is a copy of the anchored node, marks included, so errors point at the written text.
        #expect(root["use"]?.start == Mark(line: 1, column: 7, offset: 6))
        #expect(root["copy"]?.scalar?.text == "job")
        #expect(root["copy"]?.start == Mark(line: 3, column: 7, offset: 34))
    }

    @Test func mergesKeysWithExplicitKeysWinning() throws {
        let root = try parseOne(
            """
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            single:
              <<: *one
              a: 9
            list:
              x: 0
              <<: [*one, *two]
              c: 9

            """)
        #expect(root["single"] == ["a": "9", "b": "1"])
        // PyYAML's dict order: merged keys first (a list's mappings in reverse, the earlier one's value winning),
        // then explicit keys, each key at its first position with its last value.
        #expect(root["list"] == ["b": "1", "c": "9", "a": "1", "x": "0"])
        #expect(root["list"]?["a"]?.start.line == 1)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parseOne("base: &b {a: 1}\nm:\n  '<<': *b\n")
        #expect(root["m"]?.pairs?.first?.key.scalar == Node.Scalar("<<", style: .singleQuoted))
    }

    @Test func rejectsInvalidMerges() {
        #expect(
            error("m:\n  <<: 3\n")?.description == """
                test.yaml:2:7: error: expected a mapping or list of mappings for merging, but found a scalar
                  <<: 3
                      ^
                """)
        #expect(
            error("m:\n  <<: [{a: 1}, x]\n")?.description == """
                test.yaml:2:16: error: expected a mapping for merging, but found a scalar
                  <<: [{a: 1}, x]
                               ^
                """)
    }

    @Test func duplicateKeysNameBothPositions() {
        #expect(
            error("name: a\nother: 1\nname: b\n")?.description == """
                test.yaml:3:1: error: duplicate key "name", first defined at line 1, column 1
                name: b
                ^
                """)
        // Keys are compared by value, as PyYAML would construct them.
        #expect(error("{yes: 1, true: 2}")?.message == "duplicate key \"true\", first defined at line 1, column 2")
        #expect(error("{1: a, 0x1: b}")?.message == "duplicate key \"0x1\", first defined at line 1, column 2")
        #expect(error("{a: 1, 'a': 2}")?.message == "duplicate key \"a\", first defined at line 1, column 2")
        #expect(error("{1: a, '1': b}") == nil)
    }

    @Test func duplicateKeysInLargeMappingsAreFound() {
        let keys = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n")
        #expect(error(keys + "\nk7: again\n")?.message == "duplicate key \"k7\", first defined at line 8, column 1")
    }

    @Test func checkCollectsEveryDuplicateInOrder() {
        let outcome = parser.check(SourceFile(name: "d.yaml", text: "a: 1\nb: {x: 1, x: 2}\na: 3\n"))
        #expect(
            outcome.errors.map(\.message) == [
                "duplicate key \"x\", first defined at line 2, column 5",
                "duplicate key \"a\", first defined at line 1, column 1",
            ])
        #expect(outcome.documents == [["a": "1", "b": ["x": "1"]]])
    }

    @Test func reportsLibyamlErrorsWithContext() {
        #expect(
            error("a: 1\nb: \"unterminated\n")?.description == """
                test.yaml:3:1: error: while scanning a quoted scalar (line 2, column 4): found unexpected end of stream

                ^
                """)
        #expect(
            error("key: [1, 2\nnext: 3\n")?.description == """
                test.yaml:2:5: error: while parsing a flow sequence (line 1, column 6): did not find expected ',' or ']'
                next: 3
                    ^
                """)
        #expect(
            error("a: b: c\n")?.description == """
                test.yaml:1:5: error: mapping values are not allowed in this context
                a: b: c
                    ^
                """)
    }

    @Test func rejectsTabIndentation() {
        #expect(
            error("job:\n\tname: x\n")?.description == """
                test.yaml:2:1: error: while scanning for the next token (line 2, column 1): found character that \
                cannot start any token; tabs cannot be used for indentation
                \tname: x
                ^
                """)
    }

    @Test func rejectsInvalidUTF8WithAMark() {
        let bytes = Array("a: b\nc: é".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: YAMLError.self) { try parser.parse(SourceFile(name: "bad.yaml", bytes: bytes)) }
        do {
            _ = try parser.parse(SourceFile(name: "bad.yaml", bytes: bytes))
        } catch {
            #expect(error.mark == Mark(line: 2, column: 5, offset: 10))
            #expect(error.message == "invalid leading UTF-8 octet (#xFF)")
        }
        #expect(error("a: \u{7}\n")?.message == "control characters are not allowed (#x07)")
    }

    @Test func rejectsUTF16() {
        let source = SourceFile(name: "utf16.yaml", bytes: [0xFF, 0xFE, 0x61, 0x00])
        #expect(throws: YAMLError.self) { try parser.parse(source) }
    }

    @Test func rejectsBadAliases() {
        #expect(
            error("a: *missing\n")?.description == """
                test.yaml:1:4: error: found undefined alias "missing"
                a: *missing
                   ^
                """)
        #expect(
            error("a: &x [1, *x]\n")?.message
                == "alias \"x\" is recursive: it refers to the node anchored at line 1, column 4, which contains it")
        #expect(
            error("a: &x 1\nb: &x 2\n")?.message == "found duplicate anchor \"x\", first defined at line 1, column 4")
    }

    @Test func boundsAliasExpansion() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let bomb = lines.joined(separator: "\n") + "\n"
        let failure = error(bomb)
        #expect(failure?.message == "aliases expand this document beyond 100000 nodes")
        #expect(failure?.mark?.line == 6)
        // The same shape within the limit is fine.
        #expect(error(lines.prefix(4).joined(separator: "\n")) == nil)
    }

    @Test func boundsNestingDepth() {
        #expect(error(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
        let deep = error(String(repeating: "[", count: 513) + String(repeating: "]", count: 513))
        #expect(deep?.message == "nesting is deeper than 512 levels")
        #expect(deep?.mark == Mark(line: 1, column: 513, offset: 512))
        let viaAlias =
            "a: &a " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
            + "\nb: " + String(repeating: "[", count: 300) + "*a" + String(repeating: "]", count: 300) + "\n"
        #expect(error(viaAlias)?.message == "alias \"a\" nests the document deeper than 512 levels")
    }

    @Test func limitsAreConfigurable() {
        let strict = YAMLParser(maxAliasExpansion: 3, maxDepth: 2)
        #expect(throws: YAMLError.self) { try strict.parse("a: &a [1, 2, 3]\nb: *a\n") }
        #expect(throws: YAMLError.self) { try strict.parse("[[[1]]]") }
        #expect(throws: Never.self) { try strict.parse("a: &a [1]\nb: *a\n") }
    }

    @Test func readsFilesAndReportsMissingOnes() throws {
        #expect(throws: YAMLError.self) { try parser.parseFile(atPath: "/nonexistent/x.yaml") }
        do {
            _ = try parser.parseFile(atPath: "/nonexistent/x.yaml")
        } catch {
            #expect(error.description == "/nonexistent/x.yaml: error: No such file or directory")
        }
        let path = Fixtures.directory.appendingPathComponent("dump-vectors.json").path
        #expect(try parser.parseFile(atPath: path).count == 1)
    }

    @Test(.enabled(if: Fixtures.corpus != nil, "needs ../shared/conformance/corpus"))
    func parsesTheConformanceCorpus() throws {
        let corpus = try #require(Fixtures.corpus)
        let enumerator = try #require(FileManager.default.enumerator(atPath: corpus.path))
        var parsed = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") else { continue }
            let documents = try parser.parseFile(atPath: corpus.appendingPathComponent(relative).path)
            #expect(documents.count == 1, "\(relative)")
            parsed += 1
        }
        #expect(parsed >= 40)
    }
}
