import Foundation
import Testing

@testable import DeployYAML

@Suite struct ScalarResolutionTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        struct Expected: Decodable {
            var type: String
            var value: String?
        }
        var yaml: String
        var expected: Expected
        var testDescription: String { yaml.debugDescription }
    }

    static let vectors: [Vector] = (try? Fixtures.json("resolver-vectors.json")) ?? []

    @Test func fixtureHasEnoughVectors() {
        #expect(ScalarResolutionTests.vectors.count >= 60)
    }

    @Test(arguments: vectors)
    func resolvesLikePyYAML(vector: Vector) throws {
        let documents = try YAMLParser().parse(vector.yaml)
        let node = documents.first ?? Node(scalar: "")
        let value = vector.expected.value
        switch vector.expected.type {
        case "error":
            #expect(throws: YAMLError.self) { try YAMLPlain(node) }
        case "null":
            #expect(try node.resolvedScalar() == .null)
        case "bool":
            #expect(try node.resolvedScalar() == .bool(value == "true"))
        case "int":
            let resolved = try node.resolvedScalar()
            if let small = Int(value!) {
                #expect(resolved == .int(small))
            } else {
                #expect(resolved == .bigInt(value!))
            }
        case "float":
            guard case .float(let number) = try node.resolvedScalar() else {
                Issue.record("not a float: \(try node.resolvedScalar())")
                return
            }
            #expect(PythonFloat.repr(number) == value)
        case "string":
            #expect(try node.resolvedScalar() == .string(value!))
        case "timestamp":
            #expect(try YAMLPlain(node) == .timestamp(value!))
        default:
            Issue.record("unknown type \(vector.expected.type)")
        }
    }
}
