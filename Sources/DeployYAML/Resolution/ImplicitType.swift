/// The tag PyYAML's implicit resolver (`yaml.resolver.Resolver`, YAML 1.1) gives a plain scalar.
enum ImplicitType: Sendable, Hashable {
    case null, bool, int, float, timestamp, merge, value, string

    /// Classifies `text` exactly as PyYAML 6 does: the first character selects candidate patterns, and a pattern
    /// must match the whole text, where Python's `$` also accepts one line break at the very end.
    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { ImplicitType(bytes: $0) }
    }

    /// Classifies UTF-8 bytes.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else {
            self = .null
            return
        }
        var end = bytes.count
        if bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let text = UnsafeBufferPointer(rebasing: bytes[0..<end])
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            guard text.count <= 5 else {
                self = .string
                return
            }
            if ImplicitType.boolWords.contains(where: { $0.elementsEqual(text) }) {
                self = .bool
            } else if text.count == 4, first == UInt8(ascii: "n") || first == UInt8(ascii: "N"),
                ImplicitType.nullWords.contains(where: { $0.elementsEqual(text) })
            {
                self = .null
            } else {
                self = .string
            }
        case UInt8(ascii: "~"):
            self = text.count == 1 ? .null : .string
        case UInt8(ascii: "<"):
            self = text.elementsEqual("<<".utf8) ? .merge : .string
        case UInt8(ascii: "="):
            self = text.count == 1 ? .value : .string
        case UInt8(ascii: "."):
            self = Pattern(text).matchesFloat() ? .float : .string
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if Pattern(text).matchesFloat() {
                self = .float
            } else if Pattern(text).matchesInt() {
                self = .int
            } else if first != UInt8(ascii: "-"), first != UInt8(ascii: "+"), Pattern(text).matchesTimestamp() {
                self = .timestamp
            } else {
                self = .string
            }
        default:
            self = .string
        }
    }

    static let boolWords: [[UInt8]] = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
        "off", "Off", "OFF",
    ].map { Array($0.utf8) }
    static let nullWords: [[UInt8]] = ["null", "Null", "NULL"].map { Array($0.utf8) }

    /// Whether a plain scalar starting with `byte` can only be a string: the first character selects PyYAML's
    /// candidate patterns, and most keys and words start with a letter no pattern accepts.
    static func startsOnlyStrings(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            return true
        }
    }
}

/// A cursor over ASCII bytes implementing PyYAML's resolver regular expressions by hand.
struct Pattern {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ byte: Character) -> Bool {
        guard let current, current == byte.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func take(where predicate: (UInt8) -> Bool) -> Bool {
        guard let current, predicate(current) else { return false }
        index += 1
        return true
    }

    /// Consumes bytes while `predicate` holds and returns how many.
    @discardableResult mutating func skip(while predicate: (UInt8) -> Bool) -> Int {
        let start = index
        while let current, predicate(current) { index += 1 }
        return index - start
    }

    mutating func takeSign() { _ = take("-") || take("+") }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }

    /// `(?::[0-5]?[0-9])+` followed by something that is not a digit.
    mutating func takeSexagesimalTail() -> Bool {
        var groups = 0
        while take(":") {
            let start = index
            let digits = skip(while: Pattern.isDigit)
            guard digits == 1 || (digits == 2 && bytes[start] <= UInt8(ascii: "5")) else { return false }
            groups += 1
        }
        return groups > 0
    }

    /// `(?:[eE][-+][0-9]+)?` then the end.
    mutating func takeOptionalExponentAndEnd() -> Bool {
        if take("e") || take("E") {
            guard take("-") || take("+") else { return false }
            guard skip(while: Pattern.isDigit) > 0 else { return false }
        }
        return atEnd
    }

    /// PyYAML's float pattern.
    func matchesFloat() -> Bool {
        // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?  and  \.(?:nan|NaN|NAN)  and \.(?:inf|Inf|INF)
        var p = self
        if p.take(".") {
            if p.take(where: Pattern.isDigit) {
                p.skip(while: Pattern.isDigitOrUnderscore)
                return p.takeOptionalExponentAndEnd()
            }
            let rest = UnsafeBufferPointer(rebasing: bytes[p.index...])
            return ["nan", "NaN", "NAN", "inf", "Inf", "INF"].contains { $0.utf8.elementsEqual(rest) }
        }
        p.takeSign()
        if p.take(".") {
            let rest = UnsafeBufferPointer(rebasing: bytes[p.index...])
            return ["inf", "Inf", "INF"].contains { $0.utf8.elementsEqual(rest) }
        }
        guard p.take(where: Pattern.isDigit) else { return false }
        p.skip(while: Pattern.isDigitOrUnderscore)
        if p.take(".") {
            // [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?
            p.skip(while: Pattern.isDigitOrUnderscore)
            return p.takeOptionalExponentAndEnd()
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        guard p.takeSexagesimalTail(), p.take(".") else { return false }
        p.skip(while: Pattern.isDigitOrUnderscore)
        return p.atEnd
    }

    /// PyYAML's int pattern.
    func matchesInt() -> Bool {
        var p = self
        p.takeSign()
        let body = p
        if p.take("0") {
            if p.atEnd { return true }
            if p.take("b") { return p.skip(while: { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) > 0 && p.atEnd }
            if p.take("x") {
                return p.skip(while: { Pattern.isDigit($0) || (0x61...0x66).contains($0 | 0x20) || $0 == 0x5F }) > 0
                    && p.atEnd
            }
            return p.skip(while: { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }) > 0 && p.atEnd
        }
        p = body
        guard p.take(where: { $0 >= 0x31 && $0 <= 0x39 }) else { return false }
        p.skip(while: Pattern.isDigitOrUnderscore)
        if p.atEnd { return true }
        return p.takeSexagesimalTail() && p.atEnd
    }

    /// One or two digits followed by something that is not a digit.
    mutating func takeOneOrTwoDigits() -> Bool {
        let count = skip(while: Pattern.isDigit)
        return count == 1 || count == 2
    }

    /// Exactly `count` digits.
    mutating func takeDigits(_ count: Int) -> Bool {
        for _ in 0..<count where !take(where: Pattern.isDigit) { return false }
        return true
    }

    /// PyYAML's implicit timestamp pattern.
    func matchesTimestamp() -> Bool {
        var p = self
        guard p.takeDigits(4), p.take("-") else { return false }
        var dateOnly = p
        if dateOnly.takeDigits(2), dateOnly.take("-"), dateOnly.takeDigits(2), dateOnly.atEnd { return true }
        guard p.takeOneOrTwoDigits(), p.take("-"), p.takeOneOrTwoDigits() else { return false }
        return p.matchesTimeTail()
    }

    /// `(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?$`
    func matchesTimeTail() -> Bool {
        var p = self
        if !(p.take("T") || p.take("t")) {
            guard p.skip(while: { $0 == 0x20 || $0 == 0x09 }) > 0 else { return false }
        }
        guard p.takeOneOrTwoDigits(), p.take(":"), p.takeDigits(2), p.take(":"), p.takeDigits(2) else { return false }
        if p.take(".") { p.skip(while: Pattern.isDigit) }
        if p.atEnd { return true }
        p.skip(while: { $0 == 0x20 || $0 == 0x09 })
        if p.take("Z") { return p.atEnd }
        guard p.take("-") || p.take("+"), p.takeOneOrTwoDigits() else { return false }
        if p.take(":") { guard p.takeDigits(2) else { return false } }
        return p.atEnd
    }
}
