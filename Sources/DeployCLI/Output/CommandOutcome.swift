/// What a command printed on each stream and its exit status, for commands whose runs tests inspect.
public struct CommandOutcome: Sendable, Hashable {
    /// Standard output.
    public var standardOutput = ""
    /// Standard error.
    public var standardError = ""
    /// The exit status.
    public var exitCode: Int32 = 0

    /// Nothing printed, status 0.
    public init() {}

    /// Adds `message` to standard error and sets status 1.
    mutating func fail(_ message: String) {
        standardError += message
        exitCode = 1
    }
}
