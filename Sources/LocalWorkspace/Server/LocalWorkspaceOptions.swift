/// Tunables of a local workspace server; the defaults suit `deploy serve`, tests shorten the delays.
public struct LocalWorkspaceOptions: Sendable, Hashable {
    /// How long a compute stays `Creating` (and `Deleting`) before it is `Succeeded` (or gone), in seconds.
    public var provisioningDelay: Double
    /// The `Retry-After` of asynchronous operations, in seconds (at least 1 is sent).
    public var pollInterval: Double
    /// How long SAS tokens from `startPendingUpload` and `listSecrets` stay valid, in seconds.
    public var sasLifetime: Double
    /// The largest Put Blob body, in bytes (Azure allows 5000 MiB; larger files use blocks).
    public var maxBlobSize: Int64
    /// The largest Put Block body, in bytes.
    public var maxBlockSize: Int64

    /// Options.
    public init(
        provisioningDelay: Double = 2, pollInterval: Double = 1, sasLifetime: Double = 24 * 3_600,
        maxBlobSize: Int64 = 5_000 * 1024 * 1024, maxBlockSize: Int64 = 4_000 * 1024 * 1024
    ) {
        self.provisioningDelay = provisioningDelay
        self.pollInterval = pollInterval
        self.sasLifetime = sasLifetime
        self.maxBlobSize = maxBlobSize
        self.maxBlockSize = maxBlockSize
    }
}
