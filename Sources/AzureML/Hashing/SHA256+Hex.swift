import Crypto

extension SHA256 {
    /// `hashlib.sha256(text.encode("utf8")).hexdigest()`.
    static func hexDigest(of text: String) -> String {
        var hasher = SHA256()
        hasher.update(text: text)
        return hasher.finalize().hex
    }

    /// Feeds the UTF-8 bytes of `text`.
    mutating func update(text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}

extension SHA256.Digest {
    /// Lowercase hexadecimal, as Python's `hexdigest()`.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
