import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct CholeskyFactorTests {
    static let matrix: [Double] = [4, 12, -16, 12, 37, -43, -16, -43, 98]

    @Test func factorsAndSolves() throws {
        let factor = try #require(CholeskyFactor(Self.matrix, size: 3))
        let expected: [[Double]] = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]
        for row in 0..<3 {
            for column in 0..<3 { #expect(abs(factor[row, column] - expected[row][column]) < 1e-12) }
        }
        let b: [Double] = [1, 2, 3]
        let x = factor.solve(b)
        for row in 0..<3 {
            let product = (0..<3).reduce(0.0) { $0 + Self.matrix[row * 3 + $1] * x[$1] }
            #expect(abs(product - b[row]) < 1e-9)
        }
        #expect(abs(factor.logDeterminant - 2 * log(6.0)) < 1e-12)
    }

    @Test func rejectsMatricesThatAreNotPositiveDefinite() {
        #expect(CholeskyFactor([1, 2, 2, 1], size: 2) == nil)
        #expect(CholeskyFactor([0, 0, 0, 1], size: 2) == nil)
    }
}
