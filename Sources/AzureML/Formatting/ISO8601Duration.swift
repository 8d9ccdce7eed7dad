/// ISO 8601 durations as ARM writes timeouts (`PT1H`, `P1DT1H1M1S`).
public enum ISO8601Duration {
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
