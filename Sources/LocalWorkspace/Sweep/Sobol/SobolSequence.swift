/// The base-2 Sobol low-discrepancy sequence with Joe and Kuo's direction numbers (`new-joe-kuo-6.21201`), in
/// Gray-code order and unscrambled: the points scipy's `qmc.Sobol(d, scramble=False)` yields, starting at the origin.
public struct SobolSequence: Sendable {
    /// The number of dimensions supported (the direction numbers bundled with the module).
    public static let maximumDimensions = bundledDimensionCount
    /// Bits per coordinate: at most 2^32 - 1 points are available.
    public static let bits = 32

    /// The number of coordinates per point.
    public let dimensions: Int
    /// How many points have been produced so far.
    public private(set) var count = 0
    /// Direction integers: for dimension `d`, bit `j` (0-based) at `directions[d * bits + j]`.
    private let directions: [UInt32]
    /// The last point, as 32-bit fixed-point fractions.
    private var state: [UInt32]

    /// The sequence over `dimensions` coordinates, 1 through `maximumDimensions`.
    public init(dimensions: Int) {
        precondition(
            (1...SobolSequence.maximumDimensions).contains(dimensions),
            "Sobol dimensions must be in 1...\(SobolSequence.maximumDimensions)")
        self.dimensions = dimensions
        var directions: [UInt32] = []
        directions.reserveCapacity(dimensions * SobolSequence.bits)
        for dimension in 0..<dimensions {
            directions += SobolSequence.directionIntegers(SobolSequence.directionTable[dimension])
        }
        self.directions = directions
        state = Array(repeating: 0, count: dimensions)
    }

    /// The next point as 32-bit fixed-point fractions (coordinate = value / 2^32).
    public mutating func nextIntegers() -> [UInt32] {
        precondition(count < Int(UInt32.max), "the Sobol sequence is exhausted")
        if count > 0 {
            // Gray-code order: point n differs from point n - 1 by the direction of n's lowest set bit.
            let bit = count.trailingZeroBitCount
            for dimension in 0..<dimensions {
                state[dimension] ^= directions[dimension * SobolSequence.bits + bit]
            }
        }
        count += 1
        return state
    }

    /// The next point in [0, 1)^dimensions.
    public mutating func next() -> [Double] {
        nextIntegers().map { Double($0) * 0x1p-32 }
    }

    /// One dimension's row of the bundled table: its polynomial and initial direction integers.
    struct DirectionRow: Sendable {
        let polynomial: UInt64
        let initial: [UInt64]
    }

    /// The bundled table, parsed on first use.
    static let directionTable: [DirectionRow] = directionNumberText.split(separator: "\n").map { line in
        let numbers = line.split(separator: " ").map { UInt64($0)! }
        return DirectionRow(polynomial: numbers[0], initial: Array(numbers.dropFirst()))
    }

    /// The 32 direction integers v_1 ... v_32 of one dimension, shifted into fixed point (v_j = m_j << (32 - j)).
    static func directionIntegers(_ row: DirectionRow) -> [UInt32] {
        let degree = 63 - row.polynomial.leadingZeroBitCount
        var m: [UInt64] = []
        if degree == 0 {
            // The first dimension: all m_j = 1, the van der Corput sequence.
            m = Array(repeating: 1, count: bits)
        } else {
            m = row.initial
            while m.count < bits {
                // Bratley and Fox's recurrence: m_j = 2^s m_{j-s} ^ m_{j-s} ^ XOR_k 2^k a_k m_{j-k}, where the
                // polynomial's inner coefficients a_1 ... a_{s-1} are its bits s-1 down to 1.
                let j = m.count
                var next = (m[j - degree] << UInt64(degree)) ^ m[j - degree]
                for k in 1..<degree where (row.polynomial >> UInt64(degree - k)) & 1 == 1 {
                    next ^= m[j - k] << UInt64(k)
                }
                m.append(next)
            }
        }
        return (0..<bits).map { j in UInt32(truncatingIfNeeded: m[j] << UInt64(bits - 1 - j)) }
    }
}
