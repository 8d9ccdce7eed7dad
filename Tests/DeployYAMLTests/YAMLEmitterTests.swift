import DeployYAML
import Testing

@Suite struct YAMLEmitterTests {
    static let documents: [String] = [
        "plain",
        "''",
        "~",
        "name: job\n",
        "a: 1\nb: [x, y]\nc: {d: e}\n",
        "- 1\n- two\n- 3.5\n- true\n- null\n",
        "nested:\n  deeper:\n    deepest: [1, [2, [3]]]\n",
        "empty_list: []\nempty_map: {}\nempty_string: ''\n",
        "quoted: 'yes'\ndouble: \"12\"\nplain: yes\n",
        "escapes: \"tab\\tnew\\nline \\u00e9 \\U0001F600\"\n",
        "single: 'it''s'\n",
        "literal: |\n  line one\n  line two\n",
        "literal_keep: |+\n  kept\n\n",
        "literal_strip: |-\n  stripped\n",
        "folded: >\n  folded text\n  goes here\n",
        "command: >-\n  python train.py\n  --epochs 3\n",
        "tags: !!str 12\nint: !!int '7'\nlocal: !thing value\n",
        "set: !!set {a: null, b: null}\n",
        "unicode: héllo wörld ✓\n",
        "long: " + String(repeating: "word ", count: 40) + "end\n",
        "key with spaces: value with spaces\n",
        "? [complex, key]\n: value\n",
        "multi: first\n---\nsecond: doc\n---\n- third\n",
        "anchors: &a {x: 1}\nuse: *a\n",
        "merge_base: &b {k: v}\nmerged:\n  <<: *b\n  own: 1\n",
        "numbers: [0x1F, 0o17, 017, 1_000, 1:30, .inf, -.inf, .nan, 1e3, 1.0e+3]\n",
        "dates: [2001-12-14, 2001-12-14t21:59:43.10-05:00]\n",
        "colon: 'a: b'\nhash: 'a #b'\ndash: '- x'\n",
        "leading: '  spaces'\ntrailing: 'spaces  '\n",
        "multiline_plain: this is\n  folded onto\n  one line\n",
        "multiline_double: \"first\n  second\"\n",
        "sequence_of_maps:\n- name: a\n  value: 1\n- name: b\n  value: 2\n",
        "inputs:\n  data:\n    type: uri_file\n    path: ./data/iris.csv\ncommand: python main.py --data ${{inputs.data}}\n",
    ]

    @Test func enoughDocuments() {
        #expect(YAMLEmitterTests.documents.count >= 30)
    }

    @Test(arguments: documents)
    func roundTripGivesAnEqualTree(text: String) throws {
        let parsed = try YAMLParser().parse(text)
        let emitted = try YAMLEmitter().emit(documents: parsed)
        let reparsed = try YAMLParser().parse(emitted)
        #expect(reparsed == parsed, "emitted:\n\(emitted)")
    }

    @Test func writesBlockStyle() throws {
        let node: Node = ["name": "job", "args": ["a", Node(scalar: "yes", style: .singleQuoted)], "empty": []]
        #expect(try YAMLEmitter().emit(node) == "name: job\nargs:\n- a\n- 'yes'\nempty: []\n")
    }

    @Test func keepsScalarsThatWouldResolveDifferentlyQuotedOrTagged() throws {
        // A plain scalar that needs quotes but would then lose its type keeps the non-specific tag.
        let node: Node = [Node(scalar: ""): "empty key"]
        let emitted = try YAMLEmitter().emit(node)
        #expect(emitted == "! '': empty key\n")
        #expect(try YAMLParser().parse(emitted).first?.pairs?.first?.key.resolvedScalar() == .null)
        #expect(try YAMLEmitter().emit(Node(scalar: "7", tag: .int)) == "!!int 7\n")
    }

    @Test func honoursWidthAndUnicodeOptions() throws {
        let node: Node = ["k": Node(scalar: "é " + String(repeating: "x ", count: 10))]
        let emitted = try YAMLEmitter(width: 10, allowUnicode: false).emit(node)
        #expect(emitted == "k: \"\\xE9 x x\n  x x x x x\n  x x x \"\n")
        #expect(try YAMLParser().parse(emitted).first?["k"]?.scalar?.text == node["k"]?.scalar?.text)
    }

    @Test func emitsStreams() throws {
        let stream = try YAMLEmitter().emit(documents: ["a", ["b"]])
        #expect(stream == "a\n---\n- b\n")
        #expect(try YAMLEmitter().emit(documents: []) == "")
    }
}
