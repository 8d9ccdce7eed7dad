/// Standard base64 (RFC 4648 §4, with padding), for SAS signatures, block ids and `Content-MD5`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    /// Encodes bytes.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let b0 = input[index]
            let b1 = index + 1 < input.count ? input[index + 1] : 0
            let b2 = index + 2 < input.count ? input[index + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(index + 1 < input.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : 61)
            output.append(index + 2 < input.count ? alphabet[Int(b2 & 0x3F)] : 61)
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes padded base64; `nil` when the text is not valid base64.
    static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let chunk = input[index..<index + 4]
            let padding = chunk.reversed().prefix { $0 == 61 }.count
            guard padding <= 2, padding == 0 || index + 4 == input.count else { return nil }
            var value: UInt32 = 0
            for (offset, character) in chunk.enumerated() {
                let digit: UInt8
                if offset >= 4 - padding {
                    digit = 0
                } else {
                    digit = values[Int(character)]
                    guard digit != 0xFF else { return nil }
                }
                value = value << 6 | UInt32(digit)
            }
            output.append(UInt8(value >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(value >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(value & 0xFF)) }
            index += 4
        }
        return output
    }
}
