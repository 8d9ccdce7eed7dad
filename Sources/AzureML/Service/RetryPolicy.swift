/// When to retry a request and how long to wait: exponential backoff with full jitter, honouring `Retry-After`,
/// bounded by a number of attempts and a total time per request. Pure: the transport performs the waiting.
public struct RetryPolicy: Sendable, Hashable {
    /// The statuses that are retried: timeouts, throttling and transient server errors.
    public static let retriedStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The longest a request may take, all attempts and waits included, in seconds.
    public var maxTotalSeconds: Double
    /// The first backoff ceiling, in seconds; it doubles with every attempt.
    public var baseDelay: Double
    /// The largest backoff ceiling, in seconds.
    public var maxDelay: Double

    /// The default: 6 attempts, 2 minutes per request, backoff from 0.8 s up to 30 s.
    public static let standard = RetryPolicy(maxAttempts: 6, maxTotalSeconds: 120, baseDelay: 0.8, maxDelay: 30)
    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1, maxTotalSeconds: 120, baseDelay: 0, maxDelay: 0)

    /// A policy.
    public init(maxAttempts: Int, maxTotalSeconds: Double, baseDelay: Double, maxDelay: Double) {
        self.maxAttempts = maxAttempts
        self.maxTotalSeconds = maxTotalSeconds
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// What happened to an attempt.
    public enum Outcome: Sendable, Hashable {
        /// The server answered with this status and, possibly, a `Retry-After` in seconds.
        case status(Int, retryAfter: Double?)
        /// The connection failed or timed out before an answer arrived.
        case connectionFailure
    }

    /// The seconds to wait before the next attempt, or `nil` to stop and report `outcome`.
    /// - Parameters:
    ///   - attempt: the attempt that just ended, counting from 1.
    ///   - elapsed: seconds since the first attempt started.
    ///   - jitter: a uniformly random number in [0, 1).
    public func delay(after outcome: Outcome, attempt: Int, elapsed: Double, jitter: Double) -> Double? {
        let retryAfter: Double?
        switch outcome {
        case .status(let status, let after):
            guard Self.retriedStatuses.contains(status) else { return nil }
            retryAfter = after
        case .connectionFailure:
            retryAfter = nil
        }
        guard attempt < maxAttempts else { return nil }
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 30)))
        let wait = max(retryAfter ?? 0, ceiling * jitter)
        guard elapsed + wait < maxTotalSeconds else { return nil }
        return wait
    }
}
