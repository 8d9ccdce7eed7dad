import DeployYAML
import Foundation
import Testing

@Suite struct ValueMarkTests {
    /// The mark of the first `$` in the value of `key`.
    func dollarMark(_ text: String, key: String = "command") throws -> Mark {
        let root = try #require(try YAMLParser().parse(text).first)
        let node = try #require(root[key])
        let value = try #require(node.scalar?.text)
        let index = try #require(value.unicodeScalars.firstIndex(of: "$"))
        return node.mark(atValueOffset: value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: index))
    }

    @Test func plainScalars() throws {
        #expect(
            try dollarMark("command: python train.py --data ${{inputs.data}}\n")
                == Mark(line: 1, column: 33, offset: 32))
        #expect(
            try dollarMark("command: python train.py\n  --data ${{inputs.data}}\n")
                == Mark(line: 2, column: 10, offset: 34))
        #expect(try dollarMark("command: a   \n\n   b ${{x}}\n") == Mark(line: 3, column: 6, offset: 20))
        let flow = try #require(try YAMLParser().parse("- {command: é\n   $x}\n").first?.items?.first?["command"])
        #expect(flow.mark(atValueOffset: 2) == Mark(line: 2, column: 4, offset: 18))
    }

    @Test func quotedScalars() throws {
        #expect(try dollarMark("command: 'it''s ${{x}}'\n") == Mark(line: 1, column: 17, offset: 16))
        #expect(try dollarMark("command: \"a\\tb\\u00e9 ${{x}}\"\n") == Mark(line: 1, column: 22, offset: 21))
        #expect(try dollarMark("command: \"first \\\n   second ${{x}}\"\n") == Mark(line: 2, column: 11, offset: 28))
        #expect(try dollarMark("command: 'one\n  two ${{x}}'\n") == Mark(line: 2, column: 7, offset: 20))
    }

    @Test func blockScalars() throws {
        let literal = "command: |\n  python train.py \\\n    --data ${{inputs.data}}\n"
        let literalMark = try dollarMark(literal)
        #expect(literalMark == Mark(line: 3, column: 12, offset: 42))
        let folded = "command: >-\n  python train.py\n  --data ${{inputs.data}}\n"
        let foldedMark = try dollarMark(folded)
        #expect(foldedMark == Mark(line: 3, column: 10, offset: 39))
        let keepIndent = "command: |2\n    indented ${{x}}\n"
        #expect(try dollarMark(keepIndent) == Mark(line: 2, column: 14, offset: 25))
    }

    @Test func skipsTagsAndAnchors() throws {
        #expect(try dollarMark("command: &c !!str python ${{x}}\n") == Mark(line: 1, column: 26, offset: 25))
        #expect(try dollarMark("command: !!str\n  \"q ${{x}}\"\n") == Mark(line: 2, column: 6, offset: 20))
    }

    @Test func endAndOutOfRangeOffsets() throws {
        let root = try #require(try YAMLParser().parse("k: 'ab'\n").first)
        let node = try #require(root["k"])
        #expect(node.mark(atValueOffset: 0) == Mark(line: 1, column: 5, offset: 4))
        #expect(node.mark(atValueOffset: 2) == Mark(line: 1, column: 7, offset: 6))
        #expect(node.mark(atValueOffset: 99) == Mark(line: 1, column: 7, offset: 6))
        #expect(node.mark(atValueOffset: -1) == node.start)
        #expect(root.mark(atValueOffset: 0) == root.start)
        #expect(Node(scalar: "built").mark(atValueOffset: 3) == Mark())
    }

    /// Every non-blank character of every plain, quoted or literal scalar maps to that same character in the source.
    @Test func mapsEveryCharacterBackToTheSource() throws {
        var texts = YAMLEmitterTests.documents
        texts += YAMLPlainTests.randomVectors.map(\.input)
        var checked = 0
        for text in texts {
            for document in try YAMLParser().parse(text) {
                for node in scalars(in: document) {
                    guard let scalar = node.scalar, scalar.style != .folded else { continue }
                    let value = Array(scalar.text.unicodeScalars)
                    for (index, character) in value.enumerated() where !" \t\n".unicodeScalars.contains(character) {
                        let mark = node.mark(atValueOffset: index)
                        let bytes = node.file.bytes
                        let found = String(
                            decoding: bytes[mark.offset..<min(bytes.count, mark.offset + 4)], as: UTF8.self
                        )
                        .unicodeScalars.first
                        if scalar.style == .doubleQuoted, found == "\\" { continue }
                        #expect(found == character, "\(text.debugDescription) index \(index)")
                        #expect(node.file.mark(atByteOffset: mark.offset) == mark)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }

    private func scalars(in node: Node) -> [Node] {
        switch node.content {
        case .scalar: return [node]
        case .sequence(let items): return items.flatMap(scalars)
        case .mapping(let pairs): return pairs.flatMap { scalars(in: $0.key) + scalars(in: $0.value) }
        }
    }
}
