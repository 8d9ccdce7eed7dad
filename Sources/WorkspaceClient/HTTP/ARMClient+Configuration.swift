public import AzureML
public import Foundation

extension ARMClient {
    /// Where an `ARMClient` sends requests and how: the ARM endpoint, retries, deadlines, response limits, the
    /// headers it adds, and the clock, jitter and sleep it uses (tests replace them).
    public struct Configuration: Sendable {
        /// Azure Resource Manager in Azure's public cloud.
        public static let publicCloudURL = "https://management.azure.com"
        /// The `x-ms-version` sent to blob services.
        public static let defaultStorageVersion = "2026-10-06"

        /// The ARM endpoint: `https://management.azure.com`, a sovereign cloud's, or a local workspace server's
        /// (`http://127.0.0.1:PORT`). Workspace-relative paths are joined onto it; absolute URLs must share its
        /// scheme, host and port.
        public var baseURL: String
        /// When to retry and how long to wait (azureml-rest.md §6).
        public var retryPolicy: RetryPolicy
        /// The deadline of one attempt of an ARM request (and of a token request), in seconds.
        public var requestTimeout: Double
        /// The deadline of one attempt of a blob request, in seconds (a block is up to 4 MiB or more).
        public var blobRequestTimeout: Double
        /// The largest ARM response body read, in bytes; a larger one fails the request.
        public var maxResponseBytes: Int
        /// The largest blob response body read, in bytes.
        public var maxBlobResponseBytes: Int
        /// `x-ms-version` for blob requests that do not set one.
        public var storageVersion: String
        /// `Content-MD5` is computed for file bodies up to this many bytes (bytes in memory always get one).
        public var contentMD5Limit: Int
        /// Sent as `x-ms-correlation-request-id` on every ARM request: one id groups a whole run's calls.
        public var correlationID: String
        /// The `User-Agent` header.
        public var userAgent: String
        /// Allows plain `http://` to hosts other than the loopback address (tokens then cross the network in
        /// clear text).
        public var allowsInsecureHTTP: Bool
        /// A uniformly random number in [0, 1) for the backoff's jitter.
        public var jitter: @Sendable () -> Double
        /// Waits the given number of seconds between attempts.
        public var sleep: @Sendable (Double) async throws -> Void
        /// The current time, for `x-ms-date` and HTTP-date `Retry-After` values.
        public var now: @Sendable () -> Date
        /// Told about every retry before its wait (the CLI prints them when verbose).
        public var onRetry: (@Sendable (RetryNotice) -> Void)?

        /// A configuration; every parameter has the production default.
        public init(
            baseURL: String = Configuration.publicCloudURL, retryPolicy: RetryPolicy = .standard,
            requestTimeout: Double = 60, blobRequestTimeout: Double = 600, maxResponseBytes: Int = 32 << 20,
            maxBlobResponseBytes: Int = 32 << 20, storageVersion: String = Configuration.defaultStorageVersion,
            contentMD5Limit: Int = 4 << 20, correlationID: String = UUID().uuidString.lowercased(),
            userAgent: String = "deploy (WorkspaceClient)", allowsInsecureHTTP: Bool = false,
            jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
            sleep: @escaping @Sendable (Double) async throws -> Void = PollingOptions.taskSleep,
            now: @escaping @Sendable () -> Date = { Date() },
            onRetry: (@Sendable (RetryNotice) -> Void)? = nil
        ) {
            self.baseURL = baseURL
            self.retryPolicy = retryPolicy
            self.requestTimeout = requestTimeout
            self.blobRequestTimeout = blobRequestTimeout
            self.maxResponseBytes = maxResponseBytes
            self.maxBlobResponseBytes = maxBlobResponseBytes
            self.storageVersion = storageVersion
            self.contentMD5Limit = contentMD5Limit
            self.correlationID = correlationID
            self.userAgent = userAgent
            self.allowsInsecureHTTP = allowsInsecureHTTP
            self.jitter = jitter
            self.sleep = sleep
            self.now = now
            self.onRetry = onRetry
        }
    }
}
