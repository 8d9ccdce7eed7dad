/// A problem that stops `DeployManifest` before it can produce diagnostics for a file, such as a malformed
/// `--set` argument.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// An error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
