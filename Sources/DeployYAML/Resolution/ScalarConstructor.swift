/// Builds the value PyYAML's `SafeConstructor` makes from a scalar's text once its tag is known.
///
/// Failures are messages; `Node` attaches its mark. Python's `int()` and `float()` accept surrounding white space
/// and signs that the YAML patterns never let through, which matters only for explicitly tagged scalars; those
/// rules are followed here for ASCII text (Python's non-ASCII digits are not).
enum ScalarConstructor {
    /// The value of a scalar with the given text, tag and style.
    static func construct(text: String, tag: Tag?, style: Node.Scalar.Style) -> Result<ResolvedScalar, Failure> {
        let effective: Tag
        if let tag, tag != .nonSpecific {
            effective = tag
        } else if style == .plain || tag == .nonSpecific {
            // PyYAML resolves plain scalars, and every scalar tagged `!`, through the implicit patterns.
            switch ImplicitType(text) {
            case .null: return .success(.null)
            case .bool: effective = .bool
            case .int: effective = .int
            case .float: effective = .float
            case .timestamp: effective = .timestamp
            case .merge: effective = .merge
            case .value: effective = .value
            case .string: return .success(.string(text))
            }
        } else {
            return .success(.string(text))
        }
        switch effective {
        case .str: return .success(.string(text))
        case .null: return .success(.null)
        case .bool: return bool(text)
        case .int: return int(text)
        case .float: return float(text)
        case .timestamp: return timestamp(text)
        case .seq: return .failure(Failure("expected a sequence node, but found a scalar"))
        case .map: return .failure(Failure("expected a mapping node, but found a scalar"))
        default:
            return .failure(Failure("could not determine a constructor for the tag '\(effective.rawValue)'"))
        }
    }

    /// Why a scalar has no value.
    struct Failure: Error, Sendable, Hashable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func bool(_ text: String) -> Result<ResolvedScalar, Failure> {
        switch text.lowercased() {
        case "yes", "true", "on": return .success(.bool(true))
        case "no", "false", "off": return .success(.bool(false))
        default: return .failure(Failure("invalid !!bool value \(quoted(text))"))
        }
    }

    /// `construct_yaml_int`: drop underscores, read the sign, then binary, hex, leading-zero octal, sexagesimal or
    /// decimal.
    static func int(_ text: String) -> Result<ResolvedScalar, Failure> {
        let failure = Failure("invalid !!int value \(quoted(text))")
        var value = Substring(text.filter { $0 != "_" })
        guard let first = value.first else { return .failure(failure) }
        let negative = first == "-"
        if first == "-" || first == "+" { value = value.dropFirst() }
        let magnitude: BigMagnitude?
        let resultNegative: Bool
        if value == "0" {
            return .success(.int(0))
        } else if value.hasPrefix("0b") {
            (magnitude, resultNegative) = signed(pythonInt(value.dropFirst(2), radix: 2), negative)
        } else if value.hasPrefix("0x") {
            (magnitude, resultNegative) = signed(pythonInt(value.dropFirst(2), radix: 16), negative)
        } else if value.first == "0" {
            (magnitude, resultNegative) = signed(pythonInt(value, radix: 8), negative)
        } else if value.contains(":") {
            var total = BigMagnitude()
            for part in value.split(separator: ":", omittingEmptySubsequences: false) {
                // Horner's rule gives the sum of PyYAML's base-60 loop; a signed part (only possible with an
                // explicit tag) is rejected rather than subtracted.
                guard let digit = pythonInt(part, radix: 10), !digit.negative else { return .failure(failure) }
                total.multiply(by: 60, adding: 0)
                total.add(digit.magnitude)
            }
            (magnitude, resultNegative) = (total, negative)
        } else {
            (magnitude, resultNegative) = signed(pythonInt(value, radix: 10), negative)
        }
        guard let magnitude else { return .failure(failure) }
        if let small = magnitude.int(negative: resultNegative) { return .success(.int(small)) }
        return .success(.bigInt((resultNegative ? "-" : "") + magnitude.decimal))
    }

    private static func signed(
        _ parsed: (negative: Bool, magnitude: BigMagnitude)?, _ negative: Bool
    ) -> (BigMagnitude?, Bool) {
        guard let parsed else { return (nil, false) }
        return (parsed.magnitude, negative != parsed.negative)
    }

    /// Python's `int(text, radix)` for ASCII text: optional white space, sign and radix prefix, then digits.
    static func pythonInt(_ text: Substring, radix: UInt32) -> (negative: Bool, magnitude: BigMagnitude)? {
        var body = text.trimmingPythonWhitespace()
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let prefix = radix == 2 ? "0b" : radix == 8 ? "0o" : radix == 16 ? "0x" : nil
        if let prefix, body.lowercased().hasPrefix(prefix) { body = body.dropFirst(2) }
        guard !body.isEmpty else { return nil }
        var magnitude = BigMagnitude()
        for character in body {
            guard let digit = character.hexDigitValue, digit < radix, character.isASCII else { return nil }
            magnitude.multiply(by: radix, adding: UInt32(digit))
        }
        return (negative, magnitude)
    }

    /// `construct_yaml_float`: drop underscores, lower-case, read the sign, then `.inf`, `.nan`, sexagesimal, or
    /// Python's `float()`.
    static func float(_ text: String) -> Result<ResolvedScalar, Failure> {
        let failure = Failure("invalid !!float value \(quoted(text))")
        var value = Substring(text.filter { $0 != "_" }.lowercased())
        guard let first = value.first else { return .failure(failure) }
        let sign: Double = first == "-" ? -1 : 1
        if first == "-" || first == "+" { value = value.dropFirst() }
        if value == ".inf" { return .success(.float(sign * .infinity)) }
        if value == ".nan" { return .success(.float(.nan)) }
        if value.contains(":") {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            var total = 0.0
            var base = 1.0
            for part in parts.reversed() {
                guard let digit = pythonFloat(part) else { return .failure(failure) }
                total += digit * base
                base *= 60
            }
            return .success(.float(sign * total))
        }
        guard let parsed = pythonFloat(value) else { return .failure(failure) }
        return .success(.float(sign * parsed))
    }

    /// Python's `float(text)` for ASCII text: white space, sign, `inf`/`infinity`/`nan`, or a decimal literal.
    static func pythonFloat(_ text: Substring) -> Double? {
        var body = text.trimmingPythonWhitespace().lowercased()[...]
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body == "inf" || body == "infinity" { return sign * .infinity }
        if body == "nan" { return .nan }
        var integer = Substring()
        var fraction = Substring()
        var exponent = Substring()
        var rest = body
        integer = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if rest.first == "e" {
            rest = rest.dropFirst()
            var exponentSign = ""
            if let first = rest.first, first == "-" || first == "+" {
                exponentSign = String(first)
                rest = rest.dropFirst()
            }
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            exponent = Substring(exponentSign + digits)
        }
        guard rest.isEmpty else { return nil }
        let literal =
            (integer.isEmpty ? "0" : integer) + "." + (fraction.isEmpty ? "0" : fraction)
            + (exponent.isEmpty ? "" : "e" + exponent)
        guard let value = Double(literal) else { return nil }
        return sign * value
    }

    static func timestamp(_ text: String) -> Result<ResolvedScalar, Failure> {
        switch Timestamp.parse(text) {
        case .success: return .success(.timestamp(text))
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Text quoted for messages, JSON style.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension Character {
    /// `0`...`9` only.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    /// The text without the ASCII white space Python's `str.strip()` removes.
    func trimmingPythonWhitespace() -> Substring {
        let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\r\n"]
        var start = startIndex
        var end = endIndex
        while start < end, whitespace.contains(self[start]) { start = index(after: start) }
        while end > start, whitespace.contains(self[index(before: end)]) { end = index(before: end) }
        return self[start..<end]
    }
}
