import AzureML
import Foundation
import LocalWorkspace
import Testing

@Suite struct SweepSamplerBayesianTests {
    static let braninSpace = #"{"x1": ["uniform", [-5, 10]], "x2": ["uniform", [0, 15]]}"#

    /// The best Branin value a sampler finds in `budget` sequential trials.
    static func bestBranin(_ algorithm: SamplingStrategy, seed: Int, budget: Int, goal: ObjectiveGoal) throws
        -> Double
    {
        let space = try SearchSpace(wire: json(braninSpace))
        var sampler = try SweepSampler(space: space, algorithm: algorithm, goal: goal, seed: seed)
        var history: [TrialObservation] = []
        var best = Double.infinity
        for _ in 0..<budget {
            let suggestion = sampler.next(history: history)
            let point = try #require(suggestion)
            let value = branin(point["x1"]!.doubleValue!, point["x2"]!.doubleValue!)
            best = min(best, value)
            // Maximizing the negated function is the same problem seen from the other side.
            history.append(TrialObservation(point, .observed(goal == .minimize ? value : -value)))
        }
        return best
    }

    @Test func beatsRandomSamplingOnBraninWithTheSameBudget() throws {
        var bayesian: [Double] = []
        var random: [Double] = []
        for seed in 1...20 {
            bayesian.append(try Self.bestBranin(.bayesian, seed: seed, budget: 20, goal: .minimize))
            random.append(
                try Self.bestBranin(
                    .random(rule: .random, seed: seed, logBase: nil), seed: seed, budget: 20, goal: .minimize))
        }
        let bayesianMean = bayesian.reduce(0, +) / 20
        let randomMean = random.reduce(0, +) / 20
        print(
            "Branin, 20 trials, 20 seeds: mean best value Bayesian \(bayesianMean), random \(randomMean) "
                + "(optimum 0.397887)")
        #expect(bayesianMean < randomMean)
    }

    @Test func maximizesWhenTheGoalSaysSo() throws {
        var bayesian = 0.0
        var random = 0.0
        for seed in 1...5 {
            bayesian += try Self.bestBranin(.bayesian, seed: seed, budget: 15, goal: .maximize)
            random += try Self.bestBranin(
                .random(rule: .random, seed: seed, logBase: nil), seed: seed, budget: 15, goal: .maximize)
        }
        #expect(bayesian < random)
    }
}
