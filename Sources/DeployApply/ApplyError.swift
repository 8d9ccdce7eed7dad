import AzureML

/// Every error the `DeployApply` module reports: a request the workspace or the storage service refused (with the
/// server's status, error code and message), an asynchronous operation that failed, a plan that cannot be applied
/// or leaves a value unresolved, and a local file that cannot be read. The CLI prints `description` and maps the
/// errors to exit statuses.
public struct ApplyError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case requestFailed
        case storageFailed
        case operationFailed
        case invalidPlan
        case unresolved
        case transport
        case io
    }

    private let code: Code
    /// What was being done: `PUT /environments/e/versions/1`, `PUT blob src/main.py`; `nil` when the message says
    /// it all.
    public let request: String?
    /// What went wrong, in a sentence.
    public let message: String
    /// The HTTP status the server answered with, for refused requests.
    public let httpStatus: Int?
    /// The server's error code: ARM's (`UserError`, `ResourceNotFound`) or Azure Storage's (`AuthenticationFailed`).
    public let serviceCode: String?

    private init(_ code: Code, request: String?, _ message: String, httpStatus: Int? = nil, serviceCode: String? = nil)
    {
        self.code = code
        self.request = request
        self.message = message
        self.httpStatus = httpStatus
        self.serviceCode = serviceCode
    }

    /// An ARM request the workspace answered with an error status.
    public static func requestFailed(_ request: String, status: Int, code: String?, message: String) -> ApplyError {
        ApplyError(.requestFailed, request: request, message, httpStatus: status, serviceCode: code)
    }

    /// A blob request the storage service answered with an error status.
    public static func storageFailed(_ request: String, status: Int, code: String?, message: String) -> ApplyError {
        ApplyError(.storageFailed, request: request, message, httpStatus: status, serviceCode: code)
    }

    /// An asynchronous operation that ended `Failed` or `Canceled`, or that polling gave up on.
    public static func operationFailed(_ request: String, code: String?, message: String) -> ApplyError {
        ApplyError(.operationFailed, request: request, message, serviceCode: code)
    }

    /// A plan that cannot be applied as it is (errors, conflicts, a change without a body).
    public static func invalidPlan(_ message: String) -> ApplyError {
        ApplyError(.invalidPlan, request: nil, message)
    }

    /// A value the body needs that neither the plan nor the apply supplied.
    public static func unresolved(_ message: String) -> ApplyError {
        ApplyError(.unresolved, request: nil, message)
    }

    /// A request that could not be completed at all (connection failures, timeouts after every retry).
    public static func transport(_ message: String) -> ApplyError {
        ApplyError(.transport, request: nil, message)
    }

    /// A local file that cannot be read.
    public static func io(_ path: String, _ message: String) -> ApplyError {
        ApplyError(.io, request: path, message)
    }

    /// The error as apply reports it: itself, or an `AzureMLError` with the server's status, code and message;
    /// anything else (the HTTP client's transport errors) by its description.
    public init(_ error: any Error) {
        switch error {
        case let error as ApplyError:
            self = error
        case let error as AzureMLError:
            if error.kind == "requestFailed", let status = error.httpStatus {
                self = .requestFailed(
                    error.location ?? "request", status: status, code: error.armError?.code,
                    message: error.armError?.message ?? error.message)
            } else if error.kind == "operationFailed" {
                self = .operationFailed(
                    error.location ?? "operation", code: error.armError?.code, message: error.message)
            } else {
                self = ApplyError(.invalidPlan, request: error.location, error.message)
            }
        default:
            self = .transport("\(error)")
        }
    }

    /// A stable name for the kind of error: `requestFailed`, `storageFailed`, `operationFailed`, `invalidPlan`,
    /// `unresolved`, `transport`, `io`.
    public var kind: String { code.rawValue }

    /// `PUT /environments/e/versions/1: HTTP 409 UserError: Environment e with version 1 is already registered`.
    public var description: String {
        var text = request.map { "\($0): " } ?? ""
        if let httpStatus { text += "HTTP \(httpStatus) " }
        if let serviceCode { text += "\(serviceCode): " }
        return text + message
    }
}
