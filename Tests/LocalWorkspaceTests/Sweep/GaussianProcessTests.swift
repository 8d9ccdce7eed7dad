import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct GaussianProcessTests {
    @Test func interpolatesASmoothFunction() throws {
        let xs = (0..<10).map { Double($0) / 9 }
        let ys = xs.map { sin(6 * $0) }
        let model = try #require(GaussianProcess.fit(inputs: xs.map { [$0] }, targets: ys))
        let mean = ys.reduce(0, +) / 10
        let deviation = (ys.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 10).squareRoot()
        for (x, y) in zip(xs, ys) {
            #expect(abs(model.predict([x]).mean - (y - mean) / deviation) < 0.05)
        }
        for index in 0..<9 {
            let x = (Double(index) + 0.5) / 9
            #expect(abs(model.predict([x]).mean - (sin(6 * x) - mean) / deviation) < 0.1, "x = \(x)")
        }
        // Uncertain away from the data, confident on it.
        #expect(model.predict([2]).variance > 100 * model.predict([xs[4]]).variance)
    }

    @Test func choosesTheMostLikelyHyperparameters() throws {
        var generator = TestGenerator(seed: 3)
        let inputs = (0..<12).map { _ in [Double.random(in: 0...1, using: &generator)] }
        let targets = inputs.map { sin(6 * $0[0]) + 0.05 * Double.random(in: -1...1, using: &generator) }
        let model = try #require(GaussianProcess.fit(inputs: inputs, targets: targets))
        let standardized = GaussianProcess.standardize(targets)
        #expect(model.targets == standardized)
        for scale in GaussianProcess.lengthScales {
            for noise in GaussianProcess.noiseRatios {
                let other = GaussianProcess(
                    inputs: inputs, standardized: standardized, lengthScales: [scale], noiseRatio: noise)
                #expect(other.map { $0.logMarginalLikelihood <= model.logMarginalLikelihood + 1e-9 } ?? true)
            }
        }
    }

    @Test func learnsWhichDimensionMatters() throws {
        var generator = TestGenerator(seed: 5)
        let inputs = (0..<25).map { _ in
            [Double.random(in: 0...1, using: &generator), Double.random(in: 0...1, using: &generator)]
        }
        let model = try #require(GaussianProcess.fit(inputs: inputs, targets: inputs.map { sin(6 * $0[0]) }))
        // The second coordinate is irrelevant: its length scale ends up much longer.
        #expect(model.lengthScales[1] > 4 * model.lengthScales[0])
    }

    @Test func maternKernelDecaysFromOne() {
        #expect(GaussianProcess.matern52(0) == 1)
        #expect(abs(GaussianProcess.matern52(1) - (1 + 5.0.squareRoot() + 5.0 / 3) * exp(-5.0.squareRoot())) < 1e-15)
        #expect(GaussianProcess.matern52(0.5) > GaussianProcess.matern52(1))
    }
}
