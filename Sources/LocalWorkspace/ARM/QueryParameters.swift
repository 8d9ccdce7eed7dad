/// A request's query parameters, names and values percent-decoded once (`%24top` is `$top`). A `+` stays a `+`:
/// SAS signatures are base64 and clients percent-encode them, but a raw `+` must not turn into a space.
struct QueryParameters: Sendable {
    /// The parameters in order.
    let pairs: [(name: String, value: String)]

    /// Parses a raw query string (without `?`).
    init(_ query: String?) {
        guard let query, !query.isEmpty else {
            pairs = []
            return
        }
        pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.percentDecode(String(pieces[0])) ?? String(pieces[0])
            let value = pieces.count > 1 ? (Self.percentDecode(String(pieces[1])) ?? String(pieces[1])) : ""
            return (name, value)
        }
    }

    /// The first value of `name` (compared exactly), or `nil`.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The first value of `name` compared case-insensitively (ARM treats `$orderBy` and `$orderby` alike).
    func value(caseInsensitive name: String) -> String? {
        let lowered = name.lowercased()
        return pairs.first { $0.name.lowercased() == lowered }?.value
    }

    /// Decodes `%XX` escapes; `nil` when an escape is malformed or the result is not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        guard text.utf8.contains(37) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == 37 else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncode(_ text: String, keeping extra: Set<UInt8> = []) -> String {
        var output = ""
        for byte in text.utf8 {
            let unreserved =
                (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                || byte == 45 || byte == 46 || byte == 95 || byte == 126 || extra.contains(byte)
            if unreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + RandomToken.hex([byte]).uppercased()
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
