#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Time formats of the workspace: ARM's ISO 8601 stamps and Azure Storage's RFC 1123 dates, both in UTC.
enum Timestamp {
    /// Seconds since 1970, with sub-second precision.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `2025-01-31T12:34:56.123456Z`, as ARM writes `systemData` (the microseconds keep stamps ordered).
    static func iso8601(_ seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        let parts = utc(Int(whole))
        let micros = min(999_999, Int(((seconds - whole) * 1_000_000).rounded()))
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(micros, 6))Z"
    }

    /// `2025-01-31T12:34:56Z`, the form of a SAS token's `se` and `st`.
    static func sasTime(_ seconds: Double) -> String {
        let parts = utc(Int(seconds.rounded(.down)))
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// `Fri, 31 Jan 2025 12:34:56 GMT`, as Azure Storage writes `Last-Modified`.
    static func rfc1123(_ seconds: Double) -> String {
        let parts = utc(Int(seconds.rounded(.down)))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[Int(parts.tm_wday)]), \(pad(parts.tm_mday, 2)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)) GMT"
    }

    /// Parses `YYYY-MM-DDThh:mm[:ss[.fff]]Z` or a bare `YYYY-MM-DD` (UTC) into seconds since 1970.
    static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes.count >= 10, bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
            let day = number(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0.0
        if bytes.count > 10 {
            guard bytes[10] == 84, let h = number(11, 2), bytes.count > 13, bytes[13] == 58, let m = number(14, 2),
                bytes.last == 90, h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
            if bytes.count > 17 {
                guard bytes[16] == 58, let wholeSeconds = number(17, 2), wholeSeconds < 61 else { return nil }
                second = Double(wholeSeconds)
                if bytes.count > 20 {
                    guard bytes[19] == 46,
                        let fraction = Double("0" + String(decoding: bytes[19..<bytes.count - 1], as: UTF8.self))
                    else { return nil }
                    second += fraction
                }
            } else if bytes.count != 17 {
                return nil
            }
        }
        return Double(daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60) + second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func utc(_ seconds: Int) -> tm {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    private static func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
