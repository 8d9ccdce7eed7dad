import AzureML
import Testing

@testable import DeployCLI

@Suite struct MetricSummaryTests {
    @Test func lastIsTheHighestStepThenTheLatestTimestamp() throws {
        let summary = try #require(
            MetricSummary(
                name: "loss",
                points: [(0.9, 0, 10), (0.2, 2, 5), (0.4, 2, 7), (0.1, 1, 99), (.nan, 0, 1)]))
        #expect(summary.last == 0.4)
        #expect(summary.min == 0.1)
        #expect(summary.max == 0.9)
        #expect(summary.count == 5)
        #expect(summary.json == ["last": 0.4, "min": 0.1, "max": 0.9, "count": 5])
        #expect(MetricSummary(name: "none", points: []) == nil)
    }

    @Test func valuesAsMLflowWritesThemAndAsPrinted() {
        #expect(MetricSummary.number("NaN")?.isNaN == true)
        #expect(MetricSummary.number("-Infinity") == -.infinity)
        #expect(MetricSummary.number(0.5) == 0.5)
        #expect(MetricSummary.number(3) == 3)
        #expect(MetricSummary.number("x") == nil)
        #expect(MetricSummary.text(0.263_412_345) == "0.263412")
        #expect(MetricSummary.text(1_234_567) == "1.23457e+06")
        #expect(MetricSummary.text(.infinity) == "inf")
        #expect(MetricSummary.json(.nan) == "NaN")
    }
}
