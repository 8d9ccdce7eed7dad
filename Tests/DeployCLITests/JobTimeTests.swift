import Testing

@testable import DeployCLI

@Suite struct JobTimeTests {
    @Test(arguments: [
        ("2026-11-29T08:40:01Z", 1_795_941_601.0),
        ("2026-11-29T08:40:01.250000Z", 1_795_941_601.25),
        ("2026-11-29T08:40:01.5", 1_795_941_601.5),
        ("2026-11-29T09:40:01+01:00", 1_795_941_601.0),
        ("2026-11-29T07:10:01.000-0130", 1_795_941_601.0),
    ])
    func parsesISO8601(text: String, seconds: Double) {
        #expect(JobTime.seconds(text) == seconds)
    }

    @Test(arguments: ["", "yesterday", "2026-11-29", "2026-11-29T08:40:01Q", "2026-11-29T08:40:01+01"])
    func rejectsWhatIsNotATime(text: String) {
        #expect(JobTime.seconds(text) == nil)
    }

    @Test func shortFormDropsFractionsAndZones() {
        #expect(JobTime.short("2026-11-29T09:40:01.987654+01:00") == "2026-11-29T08:40:01Z")
        #expect(JobTime.short("not a time") == "not a time")
    }

    @Test(arguments: [
        (0.04, "0.0s"), (0.44, "0.4s"), (9.5, "9.5s"), (42.4, "42s"), (71, "1m 11s"), (600, "10m 00s"),
        (7_380, "2h 03m"), (-3, "0.0s"),
    ])
    func durations(seconds: Double, text: String) {
        #expect(JobTime.duration(seconds) == text)
    }
}
