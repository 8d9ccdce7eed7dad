import ArgumentParser

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

    /// What was printed on each stream, and the status.
    init(standardOutput: String, standardError: String, exitCode: Int32) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    /// Prints both streams (standard error first) and ends the command with the status when it is not 0.
    func emit() throws {
        if !standardError.isEmpty {
            var stream = StandardError()
            print(standardError, terminator: "", to: &stream)
        }
        if !standardOutput.isEmpty { print(standardOutput, terminator: "") }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// Adds `message` to standard error and sets status 1.
    mutating func fail(_ message: String) {
        standardError += message
        exitCode = 1
    }
}
