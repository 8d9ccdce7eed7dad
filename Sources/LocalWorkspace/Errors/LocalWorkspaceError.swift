/// Every error the `LocalWorkspace` module throws: sweep definitions the local workspace cannot run, workspace
/// directories it cannot open, jobs it cannot accept or prepare, environments it cannot build, and MLflow store
/// calls it refuses. (Errors of HTTP requests are answers, not thrown: `ARMError`, `BlobError` and `MLflowError`
/// are rendered at the server's edge.)
public struct LocalWorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case invalidSweep
        case workspaceSetup
        case jobRejected
        case jobPreparation
        case environment
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

    /// A job submitted through `JobRunner.submit` that the workspace refuses (a name in use by another job, say);
    /// `field` is the offending member.
    public static func jobRejected(_ message: String, field: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.jobRejected, message, field: field)
    }

    /// A job that cannot be prepared to run: its code, an input, an output or its command; `field` names it
    /// (`inputs.iris`, `command`).
    public static func jobPreparation(_ message: String, field: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.jobPreparation, message, field: field)
    }

    /// A job's environment that cannot be resolved or built, or a host Python that does not run.
    public static func environment(_ message: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.environment, message, field: "environment")
    }

    /// An MLflow tracking request of the job runner that the store refused (an unknown run, an invalid run id, a
    /// run that exists already, a weak token); `field` is the run id or experiment name concerned.
    public static func tracking(_ message: String, field: String) -> LocalWorkspaceError {
        LocalWorkspaceError(.tracking, message, field: field)
    }

    /// A stable name for the kind of error: `invalidSweep`, `workspaceSetup`, `jobRejected`, `jobPreparation`,
    /// `environment`, `tracking`.
    public var kind: String { code.rawValue }

    public var description: String { "\(field): \(message)" }
}
