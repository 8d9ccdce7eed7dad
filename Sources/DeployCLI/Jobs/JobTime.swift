import Foundation

/// The times a job shows (`properties.properties.StartTimeUtc`, `EndTimeUtc`, `systemData.createdAt`): ISO 8601
/// parsing, the short form `deploy jobs` prints, and durations.
enum JobTime {
    /// Seconds since 1970 of an ISO 8601 time (`2026-11-29T08:40:01.123456Z`, `...+00:00`, without fraction or
    /// zone: UTC); `nil` when it is not one.
    static func seconds(_ text: String) -> Double? {
        let characters = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= characters.count else { return nil }
            var value = 0
            for byte in characters[start..<start + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard characters.count >= 19, let year = number(0, 4), characters[4] == 45, let month = number(5, 2),
            characters[7] == 45, let day = number(8, 2), characters[10] == 84 || characters[10] == 32,
            let hour = number(11, 2), characters[13] == 58, let minute = number(14, 2), characters[16] == 58,
            let second = number(17, 2)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < characters.count, characters[index] == 46 {
            index += 1
            var scale = 0.1
            while index < characters.count, (48...57).contains(characters[index]) {
                fraction += Double(characters[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < characters.count {
            switch characters[index] {
            case 90:  // Z
                index += 1
            case 43, 45:  // + or -
                guard let hours = number(index + 1, 2), characters.count > index + 3 else { return nil }
                let minutesStart = characters[index + 3] == 58 ? index + 4 : index + 3
                guard let minutes = number(minutesStart, 2) else { return nil }
                offset = (hours * 3600 + minutes * 60) * (characters[index] == 45 ? -1 : 1)
                index = minutesStart + 2
            default:
                return nil
            }
        }
        guard index == characters.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Double(timegm(&parts) - offset) + fraction
    }

    /// `2026-11-29T08:40:01Z`: the time to the second, in UTC; the text as given when it is not ISO 8601.
    static func short(_ text: String) -> String {
        guard let seconds = seconds(text) else { return text }
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// `0.4s`, `9.5s`, `42s`, `1m 11s`, `2h 03m`: a duration as `deploy jobs` prints it.
    static func duration(_ seconds: Double) -> String {
        let seconds = max(0, seconds)
        if seconds < 10 { return String((seconds * 10).rounded() / 10) + "s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(pad2(whole % 60))s" }
        return "\(whole / 3600)h \(pad2(whole / 60 % 60))m"
    }

    /// The current time, in seconds since 1970.
    static func now() -> Double {
        Date().timeIntervalSince1970
    }

    private static func pad2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
