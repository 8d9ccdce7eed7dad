import DeployYAML
import Foundation
import Testing

@Suite struct YAMLPlainTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        var name: String
        var input: String
        var output: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = (try? Fixtures.json("dump-vectors.json")) ?? []
    static let randomVectors: [Vector] = (try? Fixtures.json("dump-random.json")) ?? []

    @Test func fixturesArePresent() {
        #expect(YAMLPlainTests.vectors.count >= 20)
        #expect(YAMLPlainTests.randomVectors.count >= 250)
    }

    @Test(arguments: vectors)
    func dumpMatchesPyYAML(vector: Vector) throws {
        let documents = try YAMLParser().parse(vector.input, name: vector.name)
        let node = try #require(documents.first)
        #expect(try YAMLPlain.dump(safeLoading: node) == vector.output)
    }

    @Test func randomDumpsMatchPyYAML() throws {
        var mismatches: [String] = []
        for vector in YAMLPlainTests.randomVectors {
            let node = try #require(try YAMLParser().parse(vector.input, name: vector.name).first)
            let dumped = try YAMLPlain.dump(safeLoading: node)
            if dumped != vector.output { mismatches.append(vector.name) }
            // Without aliases, the plain-data path gives the same text.
            #expect(YAMLPlain.dump(try YAMLPlain(node)) == dumped)
        }
        #expect(mismatches == [])
    }
}
