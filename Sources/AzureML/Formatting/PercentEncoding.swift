/// RFC 3986 percent-encoding for the URLs `deploy` builds: query parameters, path segments and form fields.
public enum PercentEncoding {
    /// Encodes every byte of `text`'s UTF-8 except the unreserved characters (`A-Z a-z 0-9 - . _ ~`) and those
    /// in `alsoAllowed`.
    public static func encode(_ text: String, alsoAllowed: Set<Character> = []) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if isUnreserved(byte) || (byte < 0x80 && alsoAllowed.contains(Character(scalar))) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
            }
        }
        return result
    }

    /// A path: each `/`-separated segment encoded, the slashes kept.
    public static func encodePath(_ path: String) -> String {
        encode(path, alsoAllowed: ["/"])
    }

    /// A query parameter's name or value (`$` kept, so `$orderBy` stays readable, as ARM clients send it).
    public static func encodeQueryComponent(_ text: String) -> String {
        encode(text, alsoAllowed: ["$"])
    }

    /// Decodes `%XX` escapes (and, when `plusIsSpace`, `+` as a space, as in form bodies); `nil` when an escape is
    /// malformed or the bytes are not UTF-8.
    public static func decode(_ text: String, plusIsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
