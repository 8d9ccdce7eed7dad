import AzureML
import Foundation
import LocalWorkspace
import Testing

@Suite struct SobolSequenceTests {
    struct Case {
        let dimensions: Int
        let columns: [Int]
        let points: [[Double]]
    }

    static func scipyCases() throws -> [Case] {
        let text = try String(contentsOf: fixturesDirectory.appendingPathComponent("sobol-scipy.json"), encoding: .utf8)
        return try JSONValue(parsing: text)["cases"]!.arrayValue!.map { item in
            Case(
                dimensions: item["dimensions"]!.intValue!,
                columns: item["columns"]!.arrayValue!.map { $0.intValue! },
                points: item["points"]!.arrayValue!.map { $0.arrayValue!.map { $0.doubleValue! } })
        }
    }

    @Test func matchesScipyUnscrambledSobol() throws {
        let cases = try Self.scipyCases()
        #expect(cases.map(\.dimensions) == [1, 2, 7, 40, 1000])
        for item in cases {
            var sequence = SobolSequence(dimensions: item.dimensions)
            #expect(item.points.count == 64)
            for (index, expected) in item.points.enumerated() {
                let point = sequence.next()
                let actual = item.columns.map { point[$0] }
                #expect(actual == expected, "d=\(item.dimensions) point \(index)")
            }
            #expect(sequence.count == 64)
        }
    }

    @Test func supportsTheBundledDimensions() {
        #expect(SobolSequence.maximumDimensions == 1000)
        var sequence = SobolSequence(dimensions: 1000)
        _ = sequence.next()
        let second = sequence.next()
        #expect(second.allSatisfy { $0 == 0.5 })
    }

    @Test func isMoreEvenlySpreadThanRandomPoints() {
        // 128 points in 4 dimensions, against 10 pseudo-random sets of the same size.
        var sequence = SobolSequence(dimensions: 4)
        let sobol = centeredL2Discrepancy((0..<128).map { _ in sequence.next() })
        var generator = TestGenerator(seed: 1)
        for _ in 0..<10 {
            let random = (0..<128).map { _ in (0..<4).map { _ in Double.random(in: 0..<1, using: &generator) } }
            #expect(sobol < centeredL2Discrepancy(random))
        }
    }

    @Test func discrepancyMatchesScipy() {
        // scipy.stats.qmc.discrepancy([[0.1, 0.2], [0.5, 0.9], [0.7, 0.3]], method="CD")
        let value = centeredL2Discrepancy([[0.1, 0.2], [0.5, 0.9], [0.7, 0.3]])
        #expect(abs(value - 0.053166666666666584) < 1e-12)
    }
}
