/// Every error the `LocalWorkspace` module throws: sweep definitions the local workspace cannot run, workspace
/// directories it cannot open, and MLflow store calls it refuses. (Errors of HTTP requests are answers, not
/// thrown: `ARMError`, `BlobError` and `MLflowError` are rendered at the server's edge.)
public struct LocalWorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case invalidSweep
        case workspaceSetup
        case tracking
    }

    private let code: Code
    /// What is wrong, in a sentence.
    public let message: String
    /// Where: the JSON path of the offending value, such as `searchSpace.learning_rate`, or the file or folder.
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

    /// A workspace file or folder that cannot be created, read or written, or a corrupt credentials file; `field`
    /// is its path.
    public static func workspaceSetup(_ message: String, path: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.workspaceSetup, message, field: path)
    }

    /// An MLflow tracking request of the job runner that the store refused (an unknown run, an invalid run id, a
    /// run that exists already, a weak token); `field` is the run id or experiment name concerned.
    public static func tracking(_ message: String, field: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.tracking, message, field: field)
    }

    /// A stable name for the kind of error: `invalidSweep`, `workspaceSetup`, `tracking`.
    public var kind: String { code.rawValue }

    public var description: String { "\(field): \(message)" }
}
