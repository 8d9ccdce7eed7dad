import Testing

@testable import LocalWorkspace

@Suite struct TimestampTests {
    @Test func formatsAndParsesUTC() {
        #expect(Timestamp.iso8601(0) == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp.iso8601(1_700_000_000.25) == "2023-11-14T22:13:20.250000Z")
        #expect(Timestamp.sasTime(1_700_000_000.9) == "2023-11-14T22:13:20Z")
        #expect(Timestamp.rfc1123(1_700_000_000) == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(Timestamp.parse("2023-11-14T22:13:20Z") == 1_700_000_000)
        #expect(Timestamp.parse("2023-11-14T22:13:20.250000Z") == 1_700_000_000.25)
        #expect(Timestamp.parse("2023-11-14T22:13Z") == 1_699_999_980)
        #expect(Timestamp.parse("2023-11-14") == 1_699_920_000)
        #expect(Timestamp.parse("1969-12-31T23:59:59Z") == -1)
        #expect(Timestamp.parse("2023-13-14T22:13:20Z") == nil)
        #expect(Timestamp.parse("2023-11-14T22:13:20") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }
}
