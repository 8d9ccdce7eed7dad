/// A Sobol sequence over the continuous slots of a layout, digitally shifted by a random XOR per dimension: the points
/// keep the sequence's even spread but vary with the seed, and none sits at the origin.
struct ShiftedSobolDesign: Sendable {
    /// The latent slots the sequence drives, one dimension each.
    let slots: [Int]
    private var sequence: SobolSequence
    private let shift: [UInt32]

    /// The design over `slots`, its shift drawn from `random`; nil when there are no slots.
    init?(slots: [Int], random: inout Xoshiro256StarStar) {
        guard !slots.isEmpty else { return nil }
        precondition(slots.count <= SobolSequence.maximumDimensions, "too many Sobol dimensions")
        self.slots = slots
        sequence = SobolSequence(dimensions: slots.count)
        shift = slots.map { _ in UInt32(truncatingIfNeeded: random.next() >> 32) }
    }

    /// Writes the next point's coordinates into its slots of `latent`.
    mutating func fill(_ latent: inout [Double]) {
        let point = sequence.nextIntegers()
        for (dimension, slot) in slots.enumerated() {
            // The cell's midpoint, so a coordinate is never exactly 0 or 1 (infinite for normal quantiles).
            latent[slot] = (Double(point[dimension] ^ shift[dimension]) + 0.5) * 0x1p-32
        }
    }
}
