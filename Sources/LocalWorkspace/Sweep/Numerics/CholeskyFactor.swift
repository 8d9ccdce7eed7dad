internal import Foundation

/// The Cholesky factor L of a symmetric positive-definite matrix A = L Lᵀ, and the solves a Gaussian process needs.
struct CholeskyFactor: Sendable {
    /// The matrix size n.
    let size: Int
    /// L, row-major n × n; entries above the diagonal are zero.
    private(set) var lower: [Double]

    /// The factor of the row-major n × n matrix `matrix`; nil when it is not (numerically) positive definite.
    init?(_ matrix: [Double], size: Int) {
        precondition(matrix.count == size * size, "matrix must be n × n")
        self.size = size
        lower = Array(repeating: 0, count: size * size)
        for row in 0..<size {
            for column in 0...row {
                var sum = matrix[row * size + column]
                for k in 0..<column { sum -= lower[row * size + k] * lower[column * size + k] }
                if row == column {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[row * size + row] = sum.squareRoot()
                } else {
                    lower[row * size + column] = sum / lower[column * size + column]
                }
            }
        }
    }

    /// The entry L[row, column].
    subscript(row: Int, column: Int) -> Double { lower[row * size + column] }

    /// x with L x = b (forward substitution).
    func solveLower(_ b: [Double]) -> [Double] {
        var x = b
        for row in 0..<size {
            var sum = x[row]
            for k in 0..<row { sum -= lower[row * size + k] * x[k] }
            x[row] = sum / lower[row * size + row]
        }
        return x
    }

    /// x with Lᵀ x = b (back substitution).
    func solveUpper(_ b: [Double]) -> [Double] {
        var x = b
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<size { sum -= lower[k * size + row] * x[k] }
            x[row] = sum / lower[row * size + row]
        }
        return x
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// log det A = 2 Σ log L_ii.
    var logDeterminant: Double {
        (0..<size).reduce(0) { $0 + 2 * log(lower[$1 * size + $1]) }
    }
}
