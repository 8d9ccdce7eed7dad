import Foundation

/// Where a `deploy jobs` command writes, as it goes (`logs --follow` and `wait` print while they run): standard
/// output and standard error by default, a recorder in tests.
public struct JobsConsole: Sendable {
    /// Writes to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes to standard error.
    public var err: @Sendable (String) -> Void

    /// A console writing with the given functions.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output and standard error, unbuffered.
    public static let standard = JobsConsole(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })
}
