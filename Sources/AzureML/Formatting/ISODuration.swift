/// ISO 8601 durations as the SDK writes them for timeouts given in seconds:
/// `isodate.duration_isoformat(timedelta(seconds=n))`.
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
}
