public import DeployYAML

/// Every error the `AzureML` module throws: malformed JSON, bodies that do not match the wire model, bad ids and
/// references, unreadable files, ignore files with invalid patterns, and ARM requests or asynchronous operations
/// that failed.
public struct AzureMLError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case malformedJSON
        case invalidBody
        case invalidID
        case invalidReference
        case io
        case invalidIgnorePattern
        case requestFailed
        case operationFailed
    }

    private let code: Code
    /// What is wrong, in a sentence.
    public let message: String
    /// Where: a JSON path such as `properties.inputs.lr.value` for bodies, a byte offset for JSON text, or a file.
    public let location: String?
    /// The problem at its place in a manifest, for errors about a manifest value (a reference that cannot be
    /// understood, say); `nil` otherwise.
    public let diagnostic: Diagnostic?
    /// The HTTP status of a failed ARM request.
    public let httpStatus: Int?
    /// The ARM error of a failed request or operation, as the server sent it.
    public let armError: ARMErrorDetail?

    private init(
        _ code: Code, _ message: String, location: String?, diagnostic: Diagnostic? = nil, httpStatus: Int? = nil,
        armError: ARMErrorDetail? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.diagnostic = diagnostic
        self.httpStatus = httpStatus
        self.armError = armError
    }

    /// JSON text that does not parse; `offset` is the byte where parsing stopped.
    public static func malformedJSON(_ message: String, offset: Int) -> AzureMLError {
        AzureMLError(.malformedJSON, message, location: "byte \(offset)")
    }

    /// A JSON body that does not match the wire model; `field` is the JSON path of the offending value.
    public static func invalidBody(_ message: String, field: String) -> AzureMLError {
        AzureMLError(.invalidBody, message, location: field)
    }

    /// An ARM id that does not have the expected shape.
    public static func invalidID(_ message: String) -> AzureMLError {
        AzureMLError(.invalidID, message, location: nil)
    }

    /// An `azureml:` reference that cannot be understood.
    public static func invalidReference(_ message: String) -> AzureMLError {
        AzureMLError(.invalidReference, message, location: nil)
    }

    /// A manifest value that cannot be understood (a reference in a form the SDK refuses), at its place in the
    /// manifest: `location` is `file:line:col` and `diagnostic` renders it with the source line.
    public static func invalidReference(_ message: String, at node: Node) -> AzureMLError {
        let diagnostic = Diagnostic(.error, message, at: node)
        let location = "\(node.file.name):\(node.start.line):\(node.start.column)"
        return AzureMLError(.invalidReference, message, location: location, diagnostic: diagnostic)
    }

    /// A file that cannot be read while hashing or listing.
    public static func io(_ message: String, path: String) -> AzureMLError {
        AzureMLError(.io, message, location: path)
    }

    /// An `.amlignore` or `.gitignore` line the SDK cannot compile; `location` is `file:line` when known.
    public static func invalidIgnorePattern(_ message: String, location: String?) -> AzureMLError {
        AzureMLError(.invalidIgnorePattern, message, location: location)
    }

    /// An ARM request that the server answered with an error status; `request` is `METHOD path` (without query).
    public static func requestFailed(_ request: String, status: Int, error: ARMErrorDetail) -> AzureMLError {
        AzureMLError(
            .requestFailed, "HTTP \(status) \(error)", location: request, httpStatus: status, armError: error)
    }

    /// An asynchronous operation that ended `Failed` or `Canceled`, or was still running when polling gave up;
    /// `request` is `METHOD path` of the request that started it.
    public static func operationFailed(_ request: String, _ message: String, error: ARMErrorDetail?) -> AzureMLError {
        let text = error.map { "\(message): \($0)" } ?? message
        return AzureMLError(.operationFailed, text, location: request, armError: error)
    }

    /// A stable name for the kind of error: `malformedJSON`, `invalidBody`, `invalidID`, `invalidReference`, `io`,
    /// `invalidIgnorePattern`, `requestFailed`, `operationFailed`.
    public var kind: String { code.rawValue }

    /// Whether the body or text was malformed (as opposed to a bad id, reference or file).
    public var isMalformedInput: Bool { code == .malformedJSON || code == .invalidBody }

    /// The ARM error code of a failed request or operation (`ResourceNotFound`, `UserError`, ...).
    public var armCode: String? { armError?.code }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
