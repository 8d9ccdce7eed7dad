import AzureML
import Foundation
import Testing
import WorkspaceClient

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 784_111_777)

    @Test func readsSecondsMillisecondsAndDates() {
        #expect(RetryAfter.seconds(in: [Header("Retry-After", "17")], now: now) == 17)
        #expect(RetryAfter.seconds(in: [Header("retry-after", " 2.5 ")], now: now) == 2.5)
        #expect(
            RetryAfter.seconds(in: [Header("Retry-After", "9"), Header("x-ms-retry-after-ms", "250")], now: now) == 0.25
        )
        #expect(RetryAfter.seconds(in: [Header("retry-after-ms", "1500")], now: now) == 1.5)
        #expect(RetryAfter.seconds(in: [Header("Retry-After", "Sun, 06 Nov 1994 08:49:47 GMT")], now: now) == 10)
        #expect(RetryAfter.seconds(in: [Header("Retry-After", "Sun, 06 Nov 1994 08:00:00 GMT")], now: now) == 0)
    }

    @Test func ignoresWhatItCannotRead() {
        #expect(RetryAfter.seconds(in: [], now: now) == nil)
        #expect(RetryAfter.seconds(in: [Header("Retry-After", "soon")], now: now) == nil)
        #expect(RetryAfter.seconds(in: [Header("Retry-After", "-3")], now: now) == nil)
    }

    @Test func formatsHTTPDates() {
        #expect(RetryAfter.httpDate(now) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
