import AzureML
import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct SearchSpaceLayoutTests {
    static let space = #"""
        {"u": ["uniform", [-5, 10]], "q": ["quniform", [0, 100, 10]], "lu": ["loguniform", [-4, 0]],
         "c": ["choice", [["a", "b", "c"]]], "r": ["randint", [4]],
         "m": ["choice", [[{"kind": "x", "lr": ["uniform", [0, 1]]}, {"kind": "y", "n": ["choice", [[1, 2]]]}, 7]]]}
        """#

    @Test func numbersSlotsAndFeaturesDepthFirst() throws {
        let layout = SearchSpaceLayout(try SearchSpace(wire: json(Self.space)))
        #expect(
            layout.slots == [
                .continuous, .continuous, .continuous, .discrete(count: 3), .discrete(count: 4), .discrete(count: 3),
                .continuous, .discrete(count: 2),
            ])
        // u, q, lu, c (3), r, m (3), lr, n (2).
        #expect(layout.featureCount == 13)
        #expect(layout.continuousSlots == [0, 1, 2, 6])
    }

    @Test func assignmentsDecodeToTheirOwnFeatures() throws {
        let layout = SearchSpaceLayout(try SearchSpace(wire: json(Self.space)))
        var random = Xoshiro256StarStar(seed: 9)
        for _ in 0..<200 {
            let latent = layout.randomLatent(&random)
            let assignment = layout.assignment(latent, logBase: nil)
            let decoded = layout.latent(of: assignment, logBase: nil)
            #expect(layout.assignment(decoded, logBase: nil) == assignment)
            let features = layout.features(latent, logBase: nil)
            let again = layout.features(decoded, logBase: nil)
            #expect(zip(features, again).allSatisfy { abs($0 - $1) < 1e-9 })
            #expect(features.allSatisfy { (0...1).contains($0) })
        }
    }

    @Test func encodesOneHotChoicesAndNeutralInactiveMembers() throws {
        let layout = SearchSpaceLayout(try SearchSpace(wire: json(Self.space)))
        let assignment = ParameterAssignment(["u": 2.5, "q": 50.0, "lu": .double(exp(-2.0)), "c": "b", "r": 1, "m": 7])
        let features = layout.features(layout.latent(of: assignment, logBase: nil), logBase: nil)
        let expected: [Double] = [0.5, 0.5, 0.5, 0, 1, 0, 0.375, 0, 0, 1, 0.5, 0, 0]
        #expect(zip(features, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(features)")
        // A value no option matches leaves its one-hot block empty.
        let unknown = ParameterAssignment([
            "u": 2.5, "q": 50.0, "lu": .double(exp(-2.0)), "c": "z", "r": 1, "m": ["kind": "x", "lr": 0.25],
        ])
        let encoded = layout.features(layout.latent(of: unknown, logBase: nil), logBase: nil)
        #expect(Array(encoded[3..<6]) == [0, 0, 0])
        #expect(Array(encoded[7..<13]) == [1, 0, 0, 0.25, 0, 0])
    }

    @Test func quantizesWithPythonRounding() {
        #expect(Distribution.quantize(0.25, 0.5) == 0)
        #expect(Distribution.quantize(0.75, 0.5) == 1)
        #expect(Distribution.quantize(2.5, 1) == 2)
        #expect(Distribution.quantize(3.5, 1) == 4)
        #expect(Distribution.quantize(0.37, 0.1) == 4 * 0.1)
    }
}
