import AzureML
import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct BayesianOptimizerTests {
    static func normalized(_ point: ParameterAssignment) -> [Double] {
        [(point["x1"]!.doubleValue! + 5) / 15, point["x2"]!.doubleValue! / 15]
    }

    static func minimumDistance(_ points: [ParameterAssignment]) -> Double {
        var result = Double.infinity
        for i in points.indices {
            for j in points.indices where j < i {
                result = min(result, GaussianProcess.distance(normalized(points[i]), normalized(points[j])))
            }
        }
        return result
    }

    @Test func runningTrialsSpreadConcurrentSuggestions() throws {
        let space = try SearchSpace(wire: json(SweepSamplerBayesianTests.braninSpace))
        for seed in 1...5 {
            var sampler = try SweepSampler(space: space, algorithm: .bayesian, goal: .minimize, seed: seed)
            var history: [TrialObservation] = []
            for _ in 0..<8 {
                let point = sampler.next(history: history)!
                history.append(
                    TrialObservation(point, .observed(branin(point["x1"]!.doubleValue!, point["x2"]!.doubleValue!))))
            }
            var withLiar = sampler
            var withoutLiar = sampler
            var concurrent: [ParameterAssignment] = []
            var running = history
            for _ in 0..<4 {
                let point = withLiar.next(history: running)!
                concurrent.append(point)
                running.append(TrialObservation(point, .running))
            }
            // The same sampler told nothing about the trials it already handed out.
            let ignoring = (0..<4).map { _ in withoutLiar.next(history: history)! }
            // Without the liar the four land within a few thousandths of each other (all on the same optimum of
            // the expected improvement); with it, at least a few hundredths apart.
            #expect(Self.minimumDistance(concurrent) > 0.02, "seed \(seed)")
            #expect(Self.minimumDistance(concurrent) > 10 * Self.minimumDistance(ignoring), "seed \(seed)")
        }
    }
}

extension BayesianOptimizerTests {
    @Test func expectedImprovementHasItsClosedForm() {
        let margin = BayesianOptimizer.exploration
        // At the incumbent (less the margin) only the spread contributes: σ φ(0).
        #expect(
            abs(BayesianOptimizer.expectedImprovement(mean: 0, deviation: 1, incumbent: margin) - 0.3989422804014327)
                < 1e-12)
        #expect(BayesianOptimizer.expectedImprovement(mean: 0, deviation: 0, incumbent: 1 + margin) == 1)
        #expect(BayesianOptimizer.expectedImprovement(mean: 2, deviation: 0, incumbent: 1) == 0)
        #expect(
            BayesianOptimizer.expectedImprovement(mean: 0, deviation: 2, incumbent: 0)
                > BayesianOptimizer.expectedImprovement(mean: 0, deviation: 1, incumbent: 0))
    }

    @Test func logWarpKeepsTheOrderAndCompressesBadValues() {
        let values: [Double] = [0.4, 1, 10, 300]
        let warped = BayesianOptimizer.logWarp(values)
        #expect(warped == warped.sorted())
        // The best value maps to log(1% of the range).
        #expect(abs(warped[0] - log(2.996)) < 1e-12)
        // Relative to the gap between the two worst values, the gap between the two best grows more than tenfold.
        let before = (values[1] - values[0]) / (values[3] - values[2])
        let after = (warped[1] - warped[0]) / (warped[3] - warped[2])
        #expect(after > 10 * before)
    }

    @Test func initialTrialsAreRandomThenTheModelDecides() throws {
        let space = try SearchSpace(wire: json(SweepSamplerBayesianTests.braninSpace))
        let layout = SearchSpaceLayout(space)
        let optimizer = BayesianOptimizer(layout: layout, goal: .minimize)
        #expect(optimizer.initialTrials == 3)
        var random = Xoshiro256StarStar(seed: 1)
        let point = ParameterAssignment(["x1": 0.0, "x2": 5.0])
        let two = [TrialObservation(point, .observed(1)), TrialObservation(point, .observed(2))]
        #expect(optimizer.suggest(history: two, random: &random) == nil)
        // Three trials but only one value: still random.
        let oneValue = [
            TrialObservation(point, .observed(1)), TrialObservation(point, .running), TrialObservation(point, .missing),
        ]
        #expect(optimizer.suggest(history: oneValue, random: &random) == nil)
        let other = ParameterAssignment(["x1": 5.0, "x2": 10.0])
        let three = two + [TrialObservation(other, .observed(3))]
        #expect(optimizer.suggest(history: three, random: &random) != nil)
    }
}
