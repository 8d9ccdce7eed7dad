/// The xoshiro256** pseudo-random generator (Blackman and Vigna), seeded through SplitMix64: every sampler draws from
/// one of these so that a sweep is reproducible from its seed on any platform and Swift version.
struct Xoshiro256StarStar: Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is four successive SplitMix64 outputs from `seed`.
    init(seed: UInt64) {
        var mixer = seed
        s0 = Xoshiro256StarStar.splitMix64(&mixer)
        s1 = Xoshiro256StarStar.splitMix64(&mixer)
        s2 = Xoshiro256StarStar.splitMix64(&mixer)
        s3 = Xoshiro256StarStar.splitMix64(&mixer)
    }

    /// A generator with this exact state (not all zero), for checking against the reference outputs.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro state must not be all zero")
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A double uniform in the open interval (0, 1): 53 random bits centred in their cell, so never 0 or 1.
    mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// An integer uniform in `0..<bound`, without modulo bias.
    mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        // Reject the top partial block of 2^64 so every residue is equally likely.
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return Int(value % range) }
        }
    }

    /// A standard normal deviate (through the quantile function, so one uniform per deviate).
    mutating func nextGaussian() -> Double {
        NormalDistribution.quantile(nextUnit())
    }

    /// SplitMix64: advances `state` and returns its next output.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
