import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct NormalDistributionTests {
    // scipy.stats.norm.ppf at these probabilities. Near 1 the quantile is ill-conditioned (1 - p carries the rounding
    // of p), hence the tolerance.
    @Test(arguments: [
        (1e-10, -6.361340902404056), (0.001, -3.090232306167813), (0.02, -2.053748910631823),
        (0.3, -0.5244005127080409), (0.5, 0.0), (0.975, 1.959963984540054), (0.999999, 4.753424308817087),
    ])
    func quantileMatchesScipy(probability: Double, expected: Double) {
        #expect(abs(NormalDistribution.quantile(probability) - expected) <= 1e-10 * max(1, abs(expected)))
    }

    @Test func quantileInvertsTheDistributionFunction() {
        for index in 1..<1000 {
            let p = Double(index) / 1000
            #expect(abs(NormalDistribution.cdf(NormalDistribution.quantile(p)) - p) < 1e-14)
        }
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(abs(NormalDistribution.pdf(0) - 0.3989422804014327) < 1e-15)
        #expect(abs(NormalDistribution.cdf(1.959963984540054) - 0.975) < 1e-15)
    }
}
