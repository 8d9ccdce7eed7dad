import AzureML
import Foundation
import LocalWorkspace
import Testing

@Suite struct SweepSamplerSobolTests {
    static let unitCube = #"{"a": ["uniform", [0, 1]], "b": ["uniform", [0, 1]], "c": ["uniform", [0, 1]]}"#

    static func points(_ rule: SamplingStrategy.RandomRule, seed: Int, count: Int) throws -> [[Double]] {
        let space = try SearchSpace(wire: json(unitCube))
        var sampler = try SweepSampler(
            space: space, algorithm: .random(rule: rule, seed: seed, logBase: nil), goal: .minimize)
        return draw(&sampler, count).map { point in ["a", "b", "c"].map { point[$0]!.doubleValue! } }
    }

    @Test func sobolTrialsAreBetterSpreadThanRandomOnes() throws {
        var sobolTotal = 0.0
        var randomTotal = 0.0
        for seed in 1...5 {
            let sobol = centeredL2Discrepancy(try Self.points(.sobol, seed: seed, count: 64))
            let random = centeredL2Discrepancy(try Self.points(.random, seed: seed, count: 64))
            #expect(sobol < random, "seed \(seed)")
            sobolTotal += sobol
            randomTotal += random
        }
        // A digitally shifted Sobol sequence has a far lower discrepancy on average, not just a lower one.
        #expect(sobolTotal < 0.5 * randomTotal)
    }

    @Test func sobolFollowsTheShiftedSequence() throws {
        // The first 8 points of a 1-d digitally shifted Sobol sequence fall one in each eighth of the interval.
        let space = try SearchSpace(wire: json(#"{"a": ["uniform", [0, 8]]}"#))
        var sampler = try SweepSampler(
            space: space, algorithm: .random(rule: .sobol, seed: 3, logBase: nil), goal: .minimize)
        let cells = draw(&sampler, 8).map { Int($0["a"]!.doubleValue!) }
        #expect(Set(cells) == Set(0..<8))
    }

    @Test func sobolIsReproducibleAndVariesWithTheSeed() throws {
        let first = try Self.points(.sobol, seed: 11, count: 16)
        #expect(first == (try Self.points(.sobol, seed: 11, count: 16)))
        #expect(first != (try Self.points(.sobol, seed: 12, count: 16)))
    }

    @Test func sobolDrivesEveryContinuousDistributionAndDrawsTheRest() throws {
        let space = try SearchSpace(
            wire: json(
                #"{"n": ["normal", [0, 1]], "c": ["choice", [["x", "y"]]], "q": ["qlognormal", [0, 1, 0.1]], "m": ["choice", [[{"lr": ["loguniform", [-4, 0]]}, 1]]]}"#
            ))
        var sampler = try SweepSampler(
            space: space, algorithm: .random(rule: .sobol, seed: 1, logBase: nil), goal: .minimize)
        var choices: Set<JSONValue> = []
        for point in draw(&sampler, 256) {
            #expect(point["n"]!.doubleValue!.isFinite)
            #expect(point["q"]!.doubleValue! >= 0)
            choices.insert(point["c"]!)
            if case .object(let model) = point["m"] {
                #expect((exp(-4.0)...1).contains(model["lr"]!.doubleValue!))
            }
        }
        #expect(choices == ["x", "y"])
    }

    @Test func sobolRejectsMoreDimensionsThanItHasDirectionNumbers() throws {
        let members = (0...1000).map { #""p\#($0)": ["uniform", [0, 1]]"# }.joined(separator: ", ")
        let space = try SearchSpace(wire: json("{\(members)}"))
        #expect(
            errorText {
                _ = try SweepSampler(
                    space: space, algorithm: .random(rule: .sobol, seed: 1, logBase: nil), goal: .minimize)
            } == "samplingAlgorithm.rule: Sobol sampling supports at most 1000 continuous distributions, found 1001")
    }
}
