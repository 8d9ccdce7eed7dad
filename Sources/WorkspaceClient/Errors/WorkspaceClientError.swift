/// Every error the `WorkspaceClient` module throws: requests that could not be completed (connection failures,
/// timeouts, oversized or malformed responses), blob operations the storage service refused, credentials that are
/// unavailable or rejected, and workspace selections that cannot be honoured. Secrets never appear in the text.
public struct WorkspaceClientError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case transport
        case timeout
        case responseTooLarge
        case invalidResponse
        case insecureURL
        case blobFailed
        case credentialUnavailable
        case authenticationFailed
        case noCredential
        case invalidWorkspace
        case io
    }

    private let code: Code
    /// What the error is about: `METHOD url` for requests, the credential's name, a file path; `nil` when the
    /// message says it all.
    public let subject: String?
    /// What went wrong, in a sentence (several lines for a credential chain).
    public let message: String
    /// The HTTP status, for a blob operation or token request the server refused.
    public let httpStatus: Int?
    /// The service's error code: Azure Storage's (`BlobAlreadyExists`) or Microsoft Entra ID's (`invalid_client`).
    public let serviceCode: String?
    /// For a credential chain: why each source was skipped or failed, in order, as `(source, reason)`.
    public let attempts: [Attempt]

    /// One credential source the chain tried.
    public struct Attempt: Sendable, Hashable {
        /// The source, e.g. `EnvironmentCredential`.
        public var source: String
        /// Why it was skipped or failed.
        public var reason: String

        /// An attempt.
        public init(source: String, reason: String) {
            self.source = source
            self.reason = reason
        }
    }

    private init(
        _ code: Code, subject: String?, _ message: String, httpStatus: Int? = nil, serviceCode: String? = nil,
        attempts: [Attempt] = []
    ) {
        self.code = code
        self.subject = subject
        self.message = message
        self.httpStatus = httpStatus
        self.serviceCode = serviceCode
        self.attempts = attempts
    }

    /// A request whose connection failed on every attempt; `request` is `METHOD url` without secrets.
    public static func transport(_ request: String, attempts: Int, underlying: String) -> WorkspaceClientError {
        let tries = attempts == 1 ? "" : " (\(attempts) attempts)"
        return WorkspaceClientError(.transport, subject: request, "connection failed\(tries): \(underlying)")
    }

    /// A request that got no complete answer within its deadline, on every attempt.
    public static func timeout(_ request: String, seconds: Double, attempts: Int) -> WorkspaceClientError {
        let tries = attempts == 1 ? "" : " (\(attempts) attempts)"
        return WorkspaceClientError(.timeout, subject: request, "no answer within \(format(seconds)) s\(tries)")
    }

    /// A response body larger than the configured limit.
    public static func responseTooLarge(_ request: String, limit: Int) -> WorkspaceClientError {
        WorkspaceClientError(.responseTooLarge, subject: request, "the response is larger than \(limit) bytes")
    }

    /// A response that cannot be understood (a success without JSON, a token response without a token).
    public static func invalidResponse(_ request: String, _ message: String) -> WorkspaceClientError {
        WorkspaceClientError(.invalidResponse, subject: request, message)
    }

    /// A URL the client refuses to send credentials to.
    public static func insecureURL(_ url: String, _ message: String) -> WorkspaceClientError {
        WorkspaceClientError(.insecureURL, subject: url, message)
    }

    /// A blob operation answered with an error status; `code` and `detail` come from the storage error body.
    public static func blobFailed(_ request: String, status: Int, code: String?, detail: String?)
        -> WorkspaceClientError
    {
        var text = "HTTP \(status)"
        if let code { text += " \(code)" }
        if let detail, !detail.isEmpty { text += ": \(detail)" }
        return WorkspaceClientError(.blobFailed, subject: request, text, httpStatus: status, serviceCode: code)
    }

    /// A credential source that cannot be used here (not configured, no endpoint, not logged in); a chain moves
    /// on to the next source.
    public static func credentialUnavailable(_ source: String, _ reason: String) -> WorkspaceClientError {
        WorkspaceClientError(.credentialUnavailable, subject: source, reason)
    }

    /// A credential source that is configured but was refused; a chain stops here, as azure-identity's does.
    public static func authenticationFailed(
        _ source: String, _ message: String, httpStatus: Int? = nil, serviceCode: String? = nil
    ) -> WorkspaceClientError {
        WorkspaceClientError(
            .authenticationFailed, subject: source, message, httpStatus: httpStatus, serviceCode: serviceCode)
    }

    /// A credential chain in which no source produced a token.
    public static func noCredential(_ attempts: [Attempt]) -> WorkspaceClientError {
        let lines = attempts.map { "  - \($0.source): \($0.reason)" }
        return WorkspaceClientError(
            .noCredential, subject: nil,
            (["no Azure credential is available; tried, in order:"] + lines).joined(separator: "\n"),
            attempts: attempts)
    }

    /// A credential chain that stopped at a source that was configured but refused (`failure`); earlier sources
    /// were unavailable.
    public static func credentialChainFailed(_ attempts: [Attempt], failure: WorkspaceClientError)
        -> WorkspaceClientError
    {
        let lines = attempts.map { "  - \($0.source): \($0.reason)" }
        return WorkspaceClientError(
            .authenticationFailed, subject: nil,
            (["Azure authentication failed; tried, in order:"] + lines).joined(separator: "\n"),
            httpStatus: failure.httpStatus, serviceCode: failure.serviceCode, attempts: attempts)
    }

    /// A `--workspace` value, environment or configuration file that does not name a usable workspace.
    public static func invalidWorkspace(_ message: String, source: String? = nil) -> WorkspaceClientError {
        WorkspaceClientError(.invalidWorkspace, subject: source, message)
    }

    /// A file that cannot be read.
    public static func io(_ path: String, _ message: String) -> WorkspaceClientError {
        WorkspaceClientError(.io, subject: path, message)
    }

    /// A stable name for the kind of error: `transport`, `timeout`, `responseTooLarge`, `invalidResponse`,
    /// `insecureURL`, `blobFailed`, `credentialUnavailable`, `authenticationFailed`, `noCredential`,
    /// `invalidWorkspace`, `io`.
    public var kind: String { code.rawValue }

    /// Whether a credential source was merely unavailable, so a chain may try the next one.
    public var isCredentialUnavailable: Bool { code == .credentialUnavailable }

    /// Whether the error is about authentication (a credential or a chain).
    public var isAuthentication: Bool {
        [.credentialUnavailable, .authenticationFailed, .noCredential].contains(code)
    }

    /// Whether the request timed out.
    public var isTimeout: Bool { code == .timeout }

    public var description: String {
        if let subject { return "\(subject): \(message)" }
        return message
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
