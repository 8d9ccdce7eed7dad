import DeployYAML
import Testing

@Suite struct SourceFileTests {
    @Test func findsLinesByOffset() {
        let source = SourceFile(name: "s", text: "one\r\ntwo\nthree")
        #expect(source.line(at: Mark(line: 1, column: 1, offset: 0)) == "one")
        #expect(source.line(at: Mark(line: 1, column: 3, offset: 2)) == "one")
        #expect(source.line(at: Mark(line: 2, column: 2, offset: 6)) == "two")
        #expect(source.line(at: Mark(line: 3, column: 6, offset: 14)) == "three")
        #expect(source.line(at: Mark(line: 9, column: 1, offset: 99)) == nil)
        #expect(SourceFile(name: "e", text: "a\n").line(at: Mark(line: 2, column: 1, offset: 2)) == "")
    }

    @Test func computesMarksFromByteOffsets() {
        let source = SourceFile(name: "s", bytes: [0xEF, 0xBB, 0xBF] + Array("é\r\nx\u{2028}yz".utf8))
        #expect(source.byteOrderMarkLength == 3)
        #expect(source.mark(atByteOffset: 0) == Mark(line: 1, column: 1, offset: 3))
        #expect(source.mark(atByteOffset: 5) == Mark(line: 1, column: 2, offset: 5))
        #expect(source.mark(atByteOffset: 7) == Mark(line: 2, column: 1, offset: 7))
        #expect(source.mark(atByteOffset: 11) == Mark(line: 3, column: 1, offset: 11))
        #expect(
            source.mark(atByteOffset: 12, from: Mark(line: 3, column: 1, offset: 11))
                == Mark(line: 3, column: 2, offset: 12))
        #expect(source.line(at: Mark(line: 1, column: 1, offset: 3)) == "é")
    }
}
