import AzureML
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy.standard

    @Test(arguments: [200, 201, 400, 401, 404, 409])
    func doesNotRetryFinalStatuses(status: Int) {
        #expect(policy.delay(after: .status(status, retryAfter: nil), attempt: 1, elapsed: 0, jitter: 0.5) == nil)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func retriesTransientStatuses(status: Int) {
        #expect(policy.delay(after: .status(status, retryAfter: nil), attempt: 1, elapsed: 0, jitter: 0.5) == 0.4)
    }

    @Test func backoffDoublesUpToTheCeilingWithFullJitter() {
        let delays = (1...5).map {
            policy.delay(after: .connectionFailure, attempt: $0, elapsed: 0, jitter: 0.999_999)!
        }
        #expect(delays.map { ($0 * 10).rounded() / 10 } == [0.8, 1.6, 3.2, 6.4, 12.8])
        #expect(policy.delay(after: .connectionFailure, attempt: 1, elapsed: 0, jitter: 0) == 0)
        let capped = RetryPolicy(maxAttempts: 20, maxTotalSeconds: 1000, baseDelay: 0.8, maxDelay: 30)
        #expect(capped.delay(after: .connectionFailure, attempt: 12, elapsed: 0, jitter: 0.999_999)! < 30)
    }

    @Test func honoursRetryAfter() {
        #expect(policy.delay(after: .status(429, retryAfter: 7), attempt: 1, elapsed: 0, jitter: 0.1) == 7)
    }

    @Test func stopsAfterTheLastAttemptOrTheTimeBudget() {
        #expect(policy.delay(after: .connectionFailure, attempt: 6, elapsed: 0, jitter: 0.5) == nil)
        #expect(policy.delay(after: .status(429, retryAfter: 30), attempt: 2, elapsed: 100, jitter: 0.5) == nil)
        #expect(RetryPolicy.none.delay(after: .status(503, retryAfter: nil), attempt: 1, elapsed: 0, jitter: 0) == nil)
    }
}
