/// Every error the `LocalWorkspace` module throws; for now, sweep definitions the local workspace cannot run.
public struct LocalWorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case invalidSweep
    }

    private let code: Code
    /// What is wrong, in a sentence.
    public let message: String
    /// Where: the JSON path of the offending value, such as `searchSpace.learning_rate`.
    public let field: String

    private init(_ code: Code, _ message: String, field: String) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// A sweep's search space, sampling algorithm, objective or early-termination policy that is malformed or that
    /// the chosen sampling algorithm does not accept; `field` is the JSON path of the offending value.
    public static func invalidSweep(_ message: String, field: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.invalidSweep, message, field: field)
    }

    /// A stable name for the kind of error: `invalidSweep`.
    public var kind: String { code.rawValue }

    public var description: String { "\(field): \(message)" }
}
