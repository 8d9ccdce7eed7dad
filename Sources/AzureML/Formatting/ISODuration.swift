/// ISO 8601 durations: written as the SDK writes timeouts given in seconds
/// (`isodate.duration_isoformat(timedelta(seconds=n))`), and read back as seconds.
public enum ISODuration {
    /// `30` → `PT30S`, `3700` → `PT1H1M40S`, `86400` → `P1D`, `90061` → `P1DT1H1M1S`, `0` → `P0D`, `-60` → `-PT1M`.
    /// Days are never folded into weeks, months or years.
    public static func string(seconds: Int) -> String {
        let magnitude = seconds.magnitude
        let days = magnitude / 86_400
        let hours = magnitude / 3_600 % 24
        let minutes = magnitude / 60 % 60
        let rest = magnitude % 60
        var text = seconds < 0 ? "-P" : "P"
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || rest > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if rest > 0 { text += "\(rest)S" }
        }
        return text.hasSuffix("P") ? text + "0D" : text
    }

    /// The number of seconds in `text` (`P[nD][T[nH][nM][n[.f]S]]`, also weeks `nW`); `nil` when it is not a
    /// duration this tool understands. Years and months are rejected: they have no fixed length.
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.uppercased())
        guard rest.hasPrefix("P"), rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var total = 0.0
        var inTime = false
        var number = ""
        var sawComponent = false
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            sawComponent = true
            switch (inTime, character) {
            case (false, "W"): total += value * 604_800
            case (false, "D"): total += value * 86_400
            case (true, "H"): total += value * 3_600
            case (true, "M"): total += value * 60
            case (true, "S"): total += value
            default: return nil
            }
        }
        guard number.isEmpty, sawComponent else { return nil }
        return total
    }
}
