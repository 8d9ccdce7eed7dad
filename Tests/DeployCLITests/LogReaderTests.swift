import Testing

@testable import DeployCLI

@Suite struct LogReaderTests {
    @Test func holdsBackAnIncompleteCharacterAtTheEnd() {
        let text = Array("aé€😀".utf8)  // 1 + 2 + 3 + 4 bytes
        #expect(LogReader.completeCharacters(in: text) == 10)
        for cut in 1..<10 {
            let expected = [0, 1, 1, 3, 3, 3, 6, 6, 6, 6][cut]
            #expect(LogReader.completeCharacters(in: Array(text.prefix(cut))) == expected, "cut at \(cut)")
        }
        #expect(LogReader.completeCharacters(in: []) == 0)
        // Bytes that are not UTF-8 are passed on rather than held forever.
        #expect(LogReader.completeCharacters(in: [0x41, 0xFF]) == 2)
        #expect(LogReader.completeCharacters(in: [0x80, 0x80, 0x80, 0x80]) == 4)
    }
}
