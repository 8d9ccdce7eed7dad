/// How asynchronous ARM operations are polled: the interval bounds (the server's `Retry-After` is honoured within
/// them), the interval when the server gives none, and how long to wait in all.
public struct PollingOptions: Sendable {
    /// The shortest wait between polls, in seconds.
    public var minimumInterval: Double
    /// The longest wait between polls, in seconds.
    public var maximumInterval: Double
    /// The wait when the server sends no `Retry-After`, in seconds (clamped to the bounds).
    public var defaultInterval: Double
    /// The most time spent waiting between polls before giving up, in seconds.
    public var timeout: Double
    /// Waits the given number of seconds; tests pass one that records and returns at once.
    public var sleep: @Sendable (Double) async throws -> Void

    /// The default: polls every 1 to 60 s, 5 s without `Retry-After`, for up to an hour.
    public static let standard = PollingOptions()

    /// Polling options.
    public init(
        minimumInterval: Double = 1, maximumInterval: Double = 60, defaultInterval: Double = 5,
        timeout: Double = 3600,
        sleep: @escaping @Sendable (Double) async throws -> Void = PollingOptions.taskSleep
    ) {
        self.minimumInterval = minimumInterval
        self.maximumInterval = maximumInterval
        self.defaultInterval = defaultInterval
        self.timeout = timeout
        self.sleep = sleep
    }

    /// The wait before the next poll, given the `Retry-After` of the last answer.
    public func interval(retryAfter: Double?) -> Double {
        min(maximumInterval, max(minimumInterval, retryAfter ?? defaultInterval))
    }

    /// Sleeps on the task, throwing when it is cancelled.
    public static func taskSleep(_ seconds: Double) async throws {
        try await Task.sleep(for: .seconds(seconds))
    }
}
