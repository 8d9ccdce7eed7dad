import AzureML
import Foundation
import LocalWorkspace
import Testing

@Suite struct SweepSamplerTests {
    static let everyDistribution = #"""
        {"c": ["choice", [[16, 32, "x"]]], "u": ["uniform", [0.01, 0.9]], "lu": ["loguniform", [-6, -1]],
         "n": ["normal", [10, 3]], "ln": ["lognormal", [0, 0.5]], "qu": ["quniform", [1, 10, 2]],
         "qlu": ["qloguniform", [0, 3, 5]], "qn": ["qnormal", [0, 2, 0.5]], "qln": ["qlognormal", [1, 0.5, 1]],
         "ri": ["randint", [5]]}
        """#

    static func random(seed: Int? = 7, logBase: Double? = nil) -> SamplingStrategy {
        .random(rule: .random, seed: seed, logBase: logBase)
    }

    @Test func valuesStayWithinTheirDistributions() throws {
        let space = try SearchSpace(wire: json(Self.everyDistribution))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(), goal: .minimize)
        let samples = draw(&sampler, 2000)
        #expect(samples.count == 2000)
        var choices: Set<JSONValue> = []
        var integers: Set<Int> = []
        for sample in samples {
            #expect(sample.values.keys == space.names)
            choices.insert(sample["c"]!)
            guard case .double(let u) = sample["u"], case .double(let lu) = sample["lu"],
                case .double(let n) = sample["n"], case .double(let ln) = sample["ln"],
                case .double(let qu) = sample["qu"], case .double(let qlu) = sample["qlu"],
                case .double(let qn) = sample["qn"], case .double(let qln) = sample["qln"],
                case .int(let ri) = sample["ri"]
            else {
                Issue.record("unexpected value types in \(sample.json.serialized())")
                continue
            }
            #expect((0.01...0.9).contains(u))
            #expect((exp(-6.0)...exp(-1.0)).contains(lu))
            #expect(n.isFinite && ln > 0)
            // q variants: multiples of q, rounded bounds.
            #expect([2.0, 4, 6, 8, 10].contains(qu))
            #expect(qlu.truncatingRemainder(dividingBy: 5) == 0 && (0...20).contains(qlu))
            #expect((qn / 0.5).rounded() == qn / 0.5)
            #expect(qln.rounded() == qln && qln >= 0)
            #expect((0..<5).contains(ri))
            integers.insert(ri)
        }
        #expect(choices == [16, 32, "x"])
        #expect(integers == [0, 1, 2, 3, 4])
    }

    @Test func quantizationRoundsHalvesToEven() throws {
        // x uniform in [0, 1] with q = 0.5: x / q in [0, 2] rounds to 0 below 0.25, to 2 above 0.75, else to 1.
        let space = try SearchSpace(wire: json(#"{"q": ["quniform", [0, 1, 0.5]]}"#))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(), goal: .minimize)
        let values = draw(&sampler, 4000).map { $0["q"]!.doubleValue! }
        #expect(Set(values) == [0, 0.5, 1])
        let half = Double(values.filter { $0 == 0.5 }.count) / 4000
        #expect(abs(half - 0.5) < 0.04)
    }

    @Test func logDistributionsAreUniformOnTheirExponents() throws {
        let space = try SearchSpace(wire: json(#"{"lu": ["loguniform", [-6, -1]], "ln": ["lognormal", [2, 0.5]]}"#))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(), goal: .minimize)
        let samples = draw(&sampler, 4000)
        let exponents = samples.map { log($0["lu"]!.doubleValue!) }
        #expect(exponents.allSatisfy { (-6.0)...(-1.0) ~= $0 })
        // Half of the exponents below the middle one; on a linear scale almost all values would be below e^-3.5.
        let lowerHalf = Double(exponents.filter { $0 < -3.5 }.count) / 4000
        #expect(abs(lowerHalf - 0.5) < 0.04)
        let logs = samples.map { log($0["ln"]!.doubleValue!) }
        let mean = logs.reduce(0, +) / 4000
        let deviation = (logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 4000).squareRoot()
        #expect(abs(mean - 2) < 0.05)
        #expect(abs(deviation - 0.5) < 0.05)
    }

    @Test func logBaseChangesTheBaseOfTheExponent() throws {
        let space = try SearchSpace(wire: json(#"{"lu": ["loguniform", [-5, -1]]}"#))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(logBase: 10), goal: .minimize)
        let values = draw(&sampler, 500).map { $0["lu"]!.doubleValue! }
        #expect(values.allSatisfy { (1e-5...1e-1).contains($0) })
        #expect(values.contains { $0 < exp(-5.0) })
    }

    @Test func normalDistributionsHaveTheirMeanAndDeviation() throws {
        let space = try SearchSpace(wire: json(#"{"n": ["normal", [10, 3]]}"#))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(), goal: .minimize)
        let values = draw(&sampler, 4000).map { $0["n"]!.doubleValue! }
        let mean = values.reduce(0, +) / 4000
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 4000).squareRoot()
        #expect(abs(mean - 10) < 0.2)
        #expect(abs(deviation - 3) < 0.2)
    }

    @Test func nestedDictionariesAreSampledMemberByMember() throws {
        let space = try SearchSpace(
            wire: json(
                #"{"m": ["choice", [[{"kind": "a", "lr": ["uniform", [0, 1]]}, {"kind": "b", "n": ["randint", [3]]}]]]}"#
            ))
        var sampler = try SweepSampler(space: space, algorithm: Self.random(), goal: .minimize)
        var kinds: Set<String> = []
        for sample in draw(&sampler, 200) {
            guard case .object(let model) = sample["m"], case .string(let kind) = model["kind"] else {
                Issue.record("expected an object, found \(sample.json.serialized())")
                continue
            }
            kinds.insert(kind)
            if kind == "a" {
                #expect(model.keys == ["kind", "lr"])
                #expect((0.0...1.0).contains(model["lr"]!.doubleValue!))
            } else {
                #expect(model.keys == ["kind", "n"])
                #expect([0, 1, 2].contains(model["n"]!.intValue!))
            }
        }
        #expect(kinds == ["a", "b"])
    }

    @Test func theSameSeedGivesTheSameTrials() throws {
        let space = try SearchSpace(wire: json(Self.everyDistribution))
        var first = try SweepSampler(space: space, algorithm: Self.random(seed: 42), goal: .minimize)
        var second = try SweepSampler(space: space, algorithm: Self.random(seed: 42), goal: .minimize)
        var other = try SweepSampler(space: space, algorithm: Self.random(seed: 43), goal: .minimize)
        let trials = draw(&first, 50)
        #expect(trials == draw(&second, 50))
        #expect(trials != draw(&other, 50))
        #expect(first.suggestedCount == 50)
    }

    @Test func withoutASeedOneIsPickedAndReproducesTheSweep() throws {
        let space = try SearchSpace(wire: json(Self.everyDistribution))
        var unseeded = try SweepSampler(space: space, algorithm: Self.random(seed: nil), goal: .minimize)
        var replay = try SweepSampler(
            space: space, algorithm: Self.random(seed: nil), goal: .minimize, seed: unseeded.seed)
        #expect(draw(&unseeded, 20) == draw(&replay, 20))
        // The algorithm's own seed wins over the one passed in.
        let seeded = try SweepSampler(space: space, algorithm: Self.random(seed: 5), goal: .minimize, seed: 9)
        #expect(seeded.seed == 5)
    }

    @Test func gridVisitsEveryCombinationOnceThenStops() throws {
        let space = try SearchSpace(
            wire: json(
                #"{"a": ["choice", [[1, 2, 3]]], "b": ["choice", [["x", "y"]]], "m": ["choice", [[{"k": ["choice", [[1, 2]]], "f": "z"}, 5]]]}"#
            ))
        var sampler = try SweepSampler(space: space, algorithm: .grid, goal: .minimize)
        #expect(sampler.gridSize == 18)
        var points: [ParameterAssignment] = []
        while let point = sampler.next() { points.append(point) }
        #expect(points.count == 18)
        #expect(Set(points).count == 18)
        #expect(sampler.next() == nil)
        #expect(sampler.suggestedCount == 18)
        var expected: Set<ParameterAssignment> = []
        for a: JSONValue in [1, 2, 3] {
            for b: JSONValue in ["x", "y"] {
                for m: JSONValue in [["k": 1, "f": "z"], ["k": 2, "f": "z"], 5] {
                    expected.insert(ParameterAssignment(["a": a, "b": b, "m": m]))
                }
            }
        }
        #expect(Set(points) == expected)
        // itertools.product order: the first parameter changes slowest.
        #expect(points[0] == ParameterAssignment(["a": 1, "b": "x", "m": ["k": 1, "f": "z"]]))
        #expect(points[1] == ParameterAssignment(["a": 1, "b": "x", "m": ["k": 2, "f": "z"]]))
        #expect(points[2] == ParameterAssignment(["a": 1, "b": "x", "m": 5]))
        #expect(points[3] == ParameterAssignment(["a": 1, "b": "y", "m": ["k": 1, "f": "z"]]))
        #expect(points[17] == ParameterAssignment(["a": 3, "b": "y", "m": 5]))
    }

    @Test func gridRejectsOtherDistributions() throws {
        let space = try SearchSpace(wire: json(#"{"a": ["choice", [[1, 2]]], "lr": ["loguniform", [-3, 0]]}"#))
        #expect(
            errorText { _ = try SweepSampler(space: space, algorithm: .grid, goal: .minimize) }
                == "searchSpace.lr: grid sampling supports only choice distributions, found loguniform")
        #expect(
            (try? SweepSampler(space: space, algorithm: .random(rule: .random, seed: 1, logBase: nil), goal: .minimize))
                != nil)
    }
}
