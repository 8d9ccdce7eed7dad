/// An unsigned integer of any size, just enough to read Python's unbounded YAML integers and print them in decimal.
struct BigMagnitude: Sendable, Hashable {
    /// Base 2^32 limbs, least significant first; empty means zero.
    private(set) var limbs: [UInt32] = []

    /// `self = self * factor + addend`.
    mutating func multiply(by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// `self += other`.
    mutating func add(_ other: BigMagnitude) {
        var carry: UInt64 = 0
        for index in 0..<max(limbs.count, other.limbs.count) {
            if index == limbs.count { limbs.append(0) }
            let sum = UInt64(limbs[index]) + UInt64(index < other.limbs.count ? other.limbs[index] : 0) + carry
            limbs[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// The value as a signed 64-bit integer with the given sign, or `nil` when it does not fit.
    func int(negative: Bool) -> Int? {
        let trimmed = limbs.reversed().drop(while: { $0 == 0 })
        guard trimmed.count <= 2 else { return nil }
        var value: UInt64 = 0
        for limb in trimmed { value = value << 32 | UInt64(limb) }
        if negative {
            if value <= UInt64(Int.max) { return -Int(value) }
            return value == UInt64(Int.max) + 1 ? Int.min : nil
        }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    /// The value in decimal.
    var decimal: String {
        var remaining = limbs
        var chunks: [UInt32] = []
        while remaining.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for index in remaining.indices.reversed() {
                let current = remainder << 32 | UInt64(remaining[index])
                remaining[index] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
        }
        guard let last = chunks.last else { return "0" }
        var text = String(last)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }
}
