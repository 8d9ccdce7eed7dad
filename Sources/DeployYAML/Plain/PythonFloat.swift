/// Python's `repr()` (and `str()`) of floats, which the Azure ML SDK uses for literal inputs and JSON bodies.
public enum PythonFloat {
    /// `repr(value)` as CPython writes it: the shortest digits that round-trip, fixed notation when the decimal
    /// point falls within 16 places (`0.0001`, `1e-05`, `1000000000000000.0`, `1e+16`), `inf`, `-inf`, `nan`.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, point) = decompose(value)
        let sign = negative ? "-" : ""
        if point > -4 && point <= 16 {
            if point <= 0 {
                return sign + "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.count {
                return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                let split = digits.index(digits.startIndex, offsetBy: point)
                return sign + digits[..<split] + "." + digits[split...]
            }
        }
        let exponent = point - 1
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        let mantissa = rest.isEmpty ? String(first) : first + "." + rest
        let exponentText = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "")
            + exponentText
    }

    /// The shortest round-trip decimal digits of `value` (no leading or trailing zeros) and the position of the
    /// decimal point: `value == 0.d1d2d3… × 10^point`.
    static func decompose(_ value: Double) -> (negative: Bool, digits: String, point: Int) {
        // Swift's description is the shortest round-trip form too; only its layout differs from Python's.
        var text = Swift.abs(value).description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        var integer = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            integer = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        var digits = integer + fraction
        var point = integer.count + exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (value < 0, digits, point)
    }
}
