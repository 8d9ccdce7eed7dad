import DeployYAML
import Testing

/// Generated and mutated inputs never crash or hang the parser: each one parses, or fails with positioned errors.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments: [[UInt8]] =
        [
            ": ", "- ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!int ", "!!str ", "! ", "!x ", "'",
            "\"",
            "''", "\\", "\\x4", "|", "|-", ">+", "\n", "  ", "    ", "\t", "# c", "<<: ", "---", "...", "%YAML 1.1",
            "%TAG ! tag:x,2000:", "key", "value", "1.5", "0x1F", "yes", "~", "é", "😀", "\u{FEFF}", "\r\n", "\r",
            "\u{85}", "\u{2028}", "=",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x00], [0x07], [0xED, 0xA0, 0x80]]

    static var seeds: [[UInt8]] {
        (YAMLEmitterTests.documents + YAMLPlainTests.randomVectors.prefix(60).map(\.input)).map { Array($0.utf8) }
    }

    @Test func survivesTwentyThousandInputs() throws {
        var random = Random(state: 0x5EED)
        var inputs: [[UInt8]] = []
        for _ in 0..<6_000 {
            inputs.append(
                (0..<Int.random(in: 0...48, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        for _ in 0..<8_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...24, using: &random) {
                bytes += RobustnessTests.fragments.randomElement(using: &random)!
            }
            inputs.append(bytes)
        }
        let seeds = RobustnessTests.seeds
        for _ in 0..<6_000 {
            var bytes = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(contentsOf: RobustnessTests.fragments.randomElement(using: &random)!, at: position)
                case 3: bytes = Array(bytes[..<position])
                default: bytes.swapAt(position, Int.random(in: 0..<bytes.count, using: &random))
                }
            }
            inputs.append(bytes)
        }
        let generated = inputs.count
        for depth in stride(from: 1, through: 1_500, by: 10) {
            inputs.append(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth / 2)).utf8))
            inputs.append(Array(String(repeating: "{a: ", count: depth).utf8))
            inputs.append(Array((0..<(depth % 150)).map { String(repeating: " ", count: $0) + "- x:\n" }.joined().utf8))
        }
        for fanOut in 1...250 {
            var lines = ["a: &a [" + Array(repeating: "x", count: fanOut % 17 + 1).joined(separator: ", ") + "]"]
            for level in 1..<(fanOut % 9 + 2) {
                let alias = level == 1 ? "*a" : "*l\(level - 1)"
                lines.append(
                    "l\(level): &l\(level) [" + Array(repeating: alias, count: fanOut % 11 + 2).joined(separator: ", ")
                        + "]")
            }
            inputs.append(Array(lines.joined(separator: "\n").utf8))
            inputs.append(
                Array(("m: &m {k: v}\n" + (0..<fanOut).map { "n\($0): {<<: *m}" }.joined(separator: "\n")).utf8))
        }
        #expect(inputs.count >= 20_000)

        var parsed = 0
        var failed = 0
        for (index, bytes) in inputs.enumerated() {
            let source = SourceFile(name: "fuzz-\(index).yaml", bytes: bytes)
            let outcome = YAMLParser().check(source)
            if outcome.errors.isEmpty {
                parsed += 1
                // Writing back is exercised on the small inputs; expanded alias bombs would only cost time.
                for document in outcome.documents where index < generated {
                    _ = try? YAMLEmitter().emit(document)
                    _ = try? YAMLPlain.dump(safeLoading: document)
                }
            } else {
                failed += 1
                for error in outcome.errors {
                    guard let mark = error.mark else {
                        Issue.record("error without a mark for input \(index): \(error.message)")
                        continue
                    }
                    #expect(mark.line >= 1 && mark.column >= 1 && mark.offset <= bytes.count, "input \(index)")
                    #expect(!error.description.isEmpty)
                }
            }
        }
        #expect(parsed > 1_000)
        #expect(failed > 1_000)
    }
}
