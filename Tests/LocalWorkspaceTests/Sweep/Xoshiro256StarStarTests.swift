import Testing

@testable import LocalWorkspace

@Suite struct Xoshiro256StarStarTests {
    @Test func matchesTheReferenceOutputs() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in generator.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
        var state: UInt64 = 0
        #expect(Xoshiro256StarStar.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(Xoshiro256StarStar.splitMix64(&state) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func seedsReproduceTheirStreams() {
        var first = Xoshiro256StarStar(seed: 42)
        var second = Xoshiro256StarStar(seed: 42)
        var other = Xoshiro256StarStar(seed: 43)
        let stream = (0..<8).map { _ in first.next() }
        #expect(stream == (0..<8).map { _ in second.next() })
        #expect(stream != (0..<8).map { _ in other.next() })
    }

    @Test func boundedDrawsAreInRangeAndEven() {
        var generator = Xoshiro256StarStar(seed: 1)
        var counts = Array(repeating: 0, count: 7)
        for _ in 0..<7000 { counts[generator.nextInt(below: 7)] += 1 }
        #expect(counts.allSatisfy { (850...1150).contains($0) })
        for _ in 0..<1000 {
            let unit = generator.nextUnit()
            #expect(unit > 0 && unit < 1)
        }
    }
}
