import Foundation

/// Where `deploy apply` writes and how it asks for confirmation: the process's streams and terminal in production,
/// recorders in tests.
public struct ApplyConsole: Sendable {
    /// Writes to standard output.
    public var standardOutput: @Sendable (String) -> Void
    /// Writes to standard error.
    public var standardError: @Sendable (String) -> Void
    /// Reads a line of the answer to the confirmation question; `nil` at end of input.
    public var readLine: @Sendable () -> String?
    /// Whether a person can answer: standard input is a terminal.
    public var isInteractive: Bool
    /// Whether standard error is a terminal, so upload progress can be redrawn in place.
    public var showsProgress: Bool
    /// Whether to colour output.
    public var colors: Bool

    /// A console with every field given.
    public init(
        standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
        readLine: @escaping @Sendable () -> String? = { nil }, isInteractive: Bool = false,
        showsProgress: Bool = false, colors: Bool = false
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.readLine = readLine
        self.isInteractive = isInteractive
        self.showsProgress = showsProgress
        self.colors = colors
    }

    /// The process's streams; colours on a terminal without `NO_COLOR`.
    public static func process(environment: [String: String]) -> ApplyConsole {
        ApplyConsole(
            standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            standardError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) }, isInteractive: isatty(STDIN_FILENO) != 0,
            showsProgress: isatty(STDERR_FILENO) != 0,
            colors: DeployCommand.Plan.usesColors(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment))
    }
}
