import DeployYAML
import Testing

@Suite struct MarkTests {
    @Test func ordersByLineThenColumn() {
        #expect(Mark(line: 1, column: 9, offset: 8) < Mark(line: 2, column: 1, offset: 9))
        #expect(Mark(line: 2, column: 1, offset: 9) < Mark(line: 2, column: 2, offset: 10))
        #expect(!(Mark(line: 2, column: 2, offset: 10) < Mark(line: 2, column: 2, offset: 10)))
        #expect(Mark(line: 3, column: 4).description == "3:4")
        #expect(Mark() == Mark(line: 1, column: 1, offset: 0))
    }
}
