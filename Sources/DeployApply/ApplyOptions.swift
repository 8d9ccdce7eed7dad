public import AzureML

/// How an apply runs: how many changes at once, how many files of one upload at once, and how asynchronous
/// operations are polled. Retries of single requests belong to the `WorkspaceService` (its `RetryPolicy`).
public struct ApplyOptions: Sendable {
    /// The default number of changes applied at once (`--parallelism`).
    public static let defaultParallelism = 8

    /// The most changes applied at once.
    public var parallelism: Int
    /// The most files of one upload sent at once.
    public var uploadConcurrency: Int
    /// How asynchronous operations (compute creation) are polled.
    public var polling: PollingOptions

    /// Options; every parameter has the CLI's default.
    public init(
        parallelism: Int = ApplyOptions.defaultParallelism, uploadConcurrency: Int = 4,
        polling: PollingOptions = .standard
    ) {
        self.parallelism = max(1, parallelism)
        self.uploadConcurrency = max(1, uploadConcurrency)
        self.polling = polling
    }
}
