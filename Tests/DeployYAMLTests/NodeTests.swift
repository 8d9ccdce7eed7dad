import DeployYAML
import Testing

@Suite struct NodeTests {
    func parse(_ text: String) throws -> Node {
        try #require(try YAMLParser().parse(text, name: "job.yml").first)
    }

    @Test func equalityIgnoresMarksAndSources() throws {
        let parsed = try parse("a: [1, x]\nb: {}\n")
        let built: Node = ["a": ["1", "x"], "b": Node(mapping: [])]
        #expect(parsed == built)
        #expect(parsed.hashValue == built.hashValue)
        #expect(try parse("'a'") != Node(scalar: "a"))
        #expect(try parse("!!str a") != Node(scalar: "a"))
        #expect(try parse("!!str a") == Node(scalar: "a", tag: .str))
    }

    @Test func convenienceAccessors() throws {
        let root = try parse("name: x\nitems: [1, 2]\nempty:\nnothing: ~\nquoted: ''\n")
        #expect(root["name"]?.scalar?.text == "x")
        #expect(root["missing"] == nil)
        #expect(root["items"]?.items?.count == 2)
        #expect(root.pairs?.count == 5)
        #expect(root.items == nil)
        #expect(root["name"]?["x"] == nil)
        #expect(root["empty"]?.isNull == true)
        #expect(root["nothing"]?.isNull == true)
        #expect(root["quoted"]?.isNull == false)
        #expect(root.isNull == false)
        #expect(root.scalar == nil)
    }

    @Test func typedAccessorsReturnValues() throws {
        let root = try parse("s: text\ni: 0x10\nf: 1.5\nn: 3\nb: yes\nbig: 99999999999999999999\n")
        #expect(try root.value(forKey: "s").string() == "text")
        #expect(try root.value(forKey: "i").int() == 16)
        #expect(try root.value(forKey: "f").double() == 1.5)
        #expect(try root.value(forKey: "n").double() == 3)
        #expect(try root.value(forKey: "b").bool() == true)
        #expect(try root.value(forKey: "big").resolvedScalar() == .bigInt("99999999999999999999"))
        #expect(try root.mapping().count == 6)
    }

    @Test func typedAccessorsThrowAtTheNode() throws {
        let root = try parse(
            "limits:\n  max_total_trials: ten\n  timeout: 1e3\n  flag: 'true'\nlist: [a]\nbig: 99999999999999999999\n")
        let limits = try root.value(forKey: "limits")
        #expect(
            throwsDescription { try limits.value(forKey: "max_total_trials").int() } == """
                job.yml:2:21: error: expected an integer, found "ten"
                  max_total_trials: ten
                                    ^
                """)
        #expect(throwsMessage { try limits.value(forKey: "timeout").double() } == "expected a number, found \"1e3\"")
        #expect(throwsMessage { try limits.value(forKey: "flag").bool() } == "expected a boolean, found \"true\"")
        #expect(throwsMessage { try root.value(forKey: "list").string() } == "expected a string, found a sequence")
        #expect(throwsMessage { try root.value(forKey: "list").mapping() } == "expected a mapping, found a sequence")
        #expect(throwsMessage { try limits.sequence() } == "expected a sequence, found a mapping")
        #expect(throwsMessage { try limits.value(forKey: "nope") } == "missing key \"nope\"")
        #expect(
            throwsMessage { try root.value(forKey: "list").value(forKey: "a") }
                == "expected a mapping, found a sequence")
        #expect(
            throwsMessage { try root.value(forKey: "big").int() }
                == "expected an integer, found 99999999999999999999, which is out of range")
        #expect(throwsMessage { try parse("x: ~").value(forKey: "x").string() } == "expected a string, found null")
        #expect(throwsMessage { try parse("x: 12").value(forKey: "x").string() } == "expected a string, found 12")
        #expect(throwsMessage { try parse("x: !!int abc").value(forKey: "x").int() } == "invalid !!int value \"abc\"")
        #expect(throwsMessage { try limits.resolvedScalar() } == "expected a scalar, found a mapping")
    }

    @Test func resolutionHonoursTagsAndStyles() throws {
        #expect(try Node(scalar: "12").resolvedScalar() == .int(12))
        #expect(try Node(scalar: "12", style: .doubleQuoted).resolvedScalar() == .string("12"))
        #expect(try Node(scalar: "12", style: .literal).resolvedScalar() == .string("12"))
        #expect(try Node(scalar: "12", tag: .str).resolvedScalar() == .string("12"))
        #expect(try Node(scalar: "12", style: .singleQuoted, tag: .int).resolvedScalar() == .int(12))
        #expect(try Node(scalar: "12", style: .singleQuoted, tag: .nonSpecific).resolvedScalar() == .int(12))
        #expect(try Node(scalar: "anything", tag: .null).resolvedScalar() == .null)
        #expect(try Node(scalar: "1", tag: .float).resolvedScalar() == .float(1))
        #expect(try Node(scalar: "2001-12-14", tag: .timestamp).resolvedScalar() == .timestamp("2001-12-14"))
        #expect(
            throwsMessage { try Node(scalar: "x", tag: "!custom").resolvedScalar() }
                == "could not determine a constructor for the tag '!custom'")
        #expect(
            throwsMessage { try Node(scalar: "=").resolvedScalar() }
                == "could not determine a constructor for the tag 'tag:yaml.org,2002:value'")
        #expect(
            throwsMessage { try Node(scalar: "2001-02-30").resolvedScalar() }
                == "invalid timestamp \"2001-02-30\": day is out of range for month")
        #expect(
            throwsMessage { try Node(scalar: "maybe", tag: .bool).resolvedScalar() } == "invalid !!bool value \"maybe\""
        )
    }

    @Test func literalsBuildNodes() {
        let node: Node = ["name": "x", "list": ["1", "two"]]
        #expect(node.pairs?.map { $0.key.scalar?.text } == ["name", "list"])
        #expect(node["list"]?.items == [Node(scalar: "1"), Node(scalar: "two")])
        #expect(Node(sequence: []).items == [])
        #expect(Node.Pair("k", "v") == Node.Pair(key: Node(scalar: "k"), value: Node(scalar: "v")))
        #expect(node.source == "<generated>")
        #expect(node.start == Mark())
    }

    @Test func tagsPrintShortForms() {
        #expect(Tag.str.description == "!!str")
        #expect(Tag.str.rawValue == "tag:yaml.org,2002:str")
        #expect(Tag("!local").description == "!local")
    }

    private func throwsMessage(_ body: () throws -> some Any) -> String? {
        caught(body)?.message
    }

    private func throwsDescription(_ body: () throws -> some Any) -> String? {
        caught(body)?.description
    }

    private func caught(_ body: () throws -> some Any) -> YAMLError? {
        do {
            _ = try body()
            return nil
        } catch let error as YAMLError {
            return error
        } catch {
            return YAMLError(message: "unexpected \(error)", source: "", mark: nil)
        }
    }
}
