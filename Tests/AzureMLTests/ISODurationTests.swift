import AzureML
import Testing

@Suite struct ISODurationTests {
    /// `Fixtures/Formatting/durations.json`: `isodate.duration_isoformat(timedelta(seconds=n))` for 49 values.
    static let pairs: [(Int, String)] = ((try? Fixture.json("Formatting/durations.json"))?.arrayValue ?? []).compactMap
    {
        guard let seconds = $0.arrayValue?.first?.intValue, let text = $0.arrayValue?.last?.stringValue else {
            return nil
        }
        return (seconds, text)
    }

    @Test func fixtureIsThere() {
        #expect(Self.pairs.count == 49)
    }

    @Test(arguments: pairs)
    func formatsLikeIsodate(seconds: Int, expected: String) {
        #expect(ISODuration.string(seconds: seconds) == expected)
    }

    @Test(arguments: [
        (30, "PT30S"), (600, "PT10M"), (3600, "PT1H"), (3700, "PT1H1M40S"), (86400, "P1D"), (90061, "P1DT1H1M1S"),
        (0, "P0D"),
    ])
    func formatsTheDocumentedExamples(seconds: Int, expected: String) {
        #expect(ISODuration.string(seconds: seconds) == expected)
    }

    @Test func handlesTheExtremes() {
        #expect(ISODuration.string(seconds: Int.min) == "-P106751991167300DT15H30M8S")
        #expect(ISODuration.string(seconds: Int.max) == "P106751991167300DT15H30M7S")
    }
}
