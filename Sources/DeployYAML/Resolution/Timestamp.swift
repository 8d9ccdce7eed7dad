/// A YAML timestamp read the way PyYAML's `construct_yaml_timestamp` reads it, validated the way Python's
/// `datetime` validates it, and written back the way PyYAML's representer writes `date`/`datetime` objects.
struct Timestamp: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    /// `nil` for a date without a time.
    var time: Time?

    struct Time: Sendable, Hashable {
        var hour: Int
        var minute: Int
        var second: Int
        var microsecond: Int
        /// The UTC offset in minutes; `nil` for a naive time.
        var offsetMinutes: Int?
    }

    /// Parses with PyYAML's `timestamp_regexp` and Python's range checks.
    static func parse(_ text: String) -> Result<Timestamp, ScalarConstructor.Failure> {
        let invalid = ScalarConstructor.Failure("invalid !!timestamp value \(ScalarConstructor.quoted(text))")
        var copy = text
        let parsed: Timestamp? = copy.withUTF8 { bytes in
            var end = bytes.count
            if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            var p = Pattern(UnsafeBufferPointer(rebasing: bytes[0..<end]))
            return parse(&p)
        }
        guard let parsed else { return .failure(invalid) }
        if let problem = parsed.rangeProblem {
            return .failure(
                ScalarConstructor.Failure("invalid timestamp \(ScalarConstructor.quoted(text)): \(problem)"))
        }
        return .success(parsed)
    }

    private static func number(_ p: inout Pattern, digits: ClosedRange<Int>) -> Int? {
        let start = p.index
        let count = p.skip(while: Pattern.isDigit)
        guard digits.contains(count) else { return nil }
        return p.bytes[start..<p.index].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func parse(_ p: inout Pattern) -> Timestamp? {
        guard let year = number(&p, digits: 4...4), p.take("-"), let month = number(&p, digits: 1...2), p.take("-"),
            let day = number(&p, digits: 1...2)
        else { return nil }
        var result = Timestamp(year: year, month: month, day: day, time: nil)
        if p.atEnd { return result }
        if !(p.take("T") || p.take("t")) {
            guard p.skip(while: { $0 == 0x20 || $0 == 0x09 }) > 0 else { return nil }
        }
        guard let hour = number(&p, digits: 1...2), p.take(":"), let minute = number(&p, digits: 2...2), p.take(":"),
            let second = number(&p, digits: 2...2)
        else { return nil }
        var time = Time(hour: hour, minute: minute, second: second, microsecond: 0, offsetMinutes: nil)
        if p.take(".") {
            let start = p.index
            p.skip(while: Pattern.isDigit)
            let digits = p.bytes[start..<p.index].prefix(6)
            if !digits.isEmpty {
                let padded = Array(digits) + Array(repeating: UInt8(ascii: "0"), count: 6 - digits.count)
                time.microsecond = padded.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
        }
        if !p.atEnd {
            p.skip(while: { $0 == 0x20 || $0 == 0x09 })
            if p.take("Z") {
                time.offsetMinutes = 0
            } else {
                let negative = p.current == UInt8(ascii: "-")
                guard p.take("-") || p.take("+"), let hours = number(&p, digits: 1...2) else { return nil }
                var minutes = 0
                if p.take(":") {
                    guard let value = number(&p, digits: 2...2) else { return nil }
                    minutes = value
                }
                time.offsetMinutes = (negative ? -1 : 1) * (hours * 60 + minutes)
            }
            guard p.atEnd else { return nil }
        }
        result.time = time
        return result
    }

    /// The message of the `ValueError` Python's `datetime` would raise, or `nil` when the fields are in range.
    var rangeProblem: String? {
        if year < 1 { return "year \(year) is out of range" }
        if !(1...12).contains(month) { return "month must be in 1..12" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if !(1...days).contains(day) { return "day is out of range for month" }
        guard let time else { return nil }
        if !(0...23).contains(time.hour) { return "hour must be in 0..23" }
        if !(0...59).contains(time.minute) { return "minute must be in 0..59" }
        if !(0...59).contains(time.second) { return "second must be in 0..59" }
        if let offset = time.offsetMinutes, abs(offset) >= 24 * 60 {
            return "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)"
        }
        return nil
    }

    /// `date.isoformat()` or `datetime.isoformat(' ')`, which is what `yaml.dump` writes.
    var isoformat: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let time else { return text }
        text += " " + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
        if time.microsecond != 0 { text += "." + pad(time.microsecond, 6) }
        if let offset = time.offsetMinutes {
            text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        }
        return text
    }
}
