/// Turns libyaml's character index (it counts Unicode scalars) into a byte offset.
///
/// ASCII input, the usual case, maps one to one; otherwise the byte offset of every 64th scalar is recorded and
/// the rest is walked.
struct OffsetMap: Sendable {
    private static let stride = 64
    private let isASCII: Bool
    private var checkpoints: [Int] = []

    /// The map for `bytes` (the input libyaml reads, without a byte order mark).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        isASCII = OffsetMap.allASCII(bytes)
        guard !isASCII else { return }
        checkpoints.reserveCapacity(bytes.count / OffsetMap.stride + 1)
        var scalars = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalars % OffsetMap.stride == 0 { checkpoints.append(offset) }
            scalars += 1
        }
    }

    private static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let words = bytes.count / 8
        var combined: UInt64 = 0
        for index in 0..<words {
            combined |= UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        }
        for index in (words * 8)..<bytes.count { combined |= UInt64(bytes[index]) }
        return combined & 0x8080_8080_8080_8080 == 0
    }

    /// The byte offset of the scalar at `index` in `bytes`.
    func byteOffset(ofScalar index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if isASCII { return min(index, bytes.count) }
        let slot = min(index / OffsetMap.stride, checkpoints.count - 1)
        guard slot >= 0 else { return 0 }
        var offset = checkpoints[slot]
        var remaining = index - slot * OffsetMap.stride
        while remaining > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }
}
