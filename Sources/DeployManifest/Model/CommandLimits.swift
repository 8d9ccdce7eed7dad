/// A command job's `limits`.
public struct CommandLimits: Sendable {
    /// `timeout` in seconds (sent as ISO 8601; 0 is dropped by the SDK).
    public var timeout: Located<Int>?

    /// Limits.
    public init(timeout: Located<Int>? = nil) {
        self.timeout = timeout
    }
}
