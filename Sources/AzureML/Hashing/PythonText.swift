/// The few `str` operations of CPython that the SDK's hashes and ignore rules depend on, on Unicode scalars (Python
/// strings are sequences of code points; Swift's `Character`s would merge a `/` with a following combining mark).
enum PythonText {
    /// `str.isspace()` for one code point: the characters CPython's `str.strip()` removes.
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `text.strip()` with no argument.
    static func strip(_ scalars: [UInt32]) -> ArraySlice<UInt32> {
        var slice = scalars[...]
        while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
        while let last = slice.last, isWhitespace(last) { slice.removeLast() }
        return slice
    }

    /// `separator.join(text)`: a string is an iterable of its characters, so `separator` lands between every pair of
    /// characters of `text` (`"ab".join("xyz") == "xabyabz"`). The SDK's anonymous environment version relies on it.
    static func join(_ separator: String, _ text: String) -> String {
        var result = String.UnicodeScalarView()
        var first = true
        for scalar in text.unicodeScalars {
            if !first { result.append(contentsOf: separator.unicodeScalars) }
            result.append(scalar)
            first = false
        }
        return String(result)
    }

    /// `text.lower()`: the full lowercase mapping of every code point, with CPython's final-sigma rule for `Σ`.
    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if scalar.value == 0x03A3 {
                result.unicodeScalars.append(isFinalSigma(scalars, at: index) ? "\u{03C2}" : "\u{03C3}")
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// CPython's `handle_capital_sigma`: a cased letter before (skipping case-ignorables) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !scalars[after].properties.isCased
    }

    /// The order of `sorted(..., key=lambda s: s.lower())`: code point order of the lowercased text, which is the
    /// byte order of its UTF-8.
    static func sortKey(_ text: String) -> [UInt8] {
        Array(lower(text).utf8)
    }
}
