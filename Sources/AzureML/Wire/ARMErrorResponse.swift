/// ARM's error body: `{"error": {"code", "message", "target"?, "details"?: [...]}}`.
public struct ARMErrorResponse: Sendable, Hashable, Error, CustomStringConvertible {
    /// The error.
    public var error: ARMErrorDetail

    /// An error body.
    public init(code: String, message: String, target: String? = nil, details: [ARMErrorDetail] = []) {
        error = ARMErrorDetail(code: code, message: message, target: target, details: details)
    }

    /// Reads an error body; `nil` when the JSON is not shaped like one.
    public init?(json: JSONValue) {
        guard let reader = try? WireReader(json, path: ""), let inner = try? reader.object("error"),
            let detail = try? ARMErrorDetail(inner)
        else { return nil }
        error = detail
    }

    /// The body as JSON.
    public var json: JSONValue { ["error": error.json] }

    /// `(Code) message`, with the target when there is one, as `az` prints ARM errors.
    public var description: String { error.description }
}

/// One ARM error: a code, a message, an optional target and nested details.
public struct ARMErrorDetail: Sendable, Hashable, CustomStringConvertible {
    /// A machine-readable code such as `UserError` or `ResourceNotFound`.
    public var code: String
    /// What went wrong.
    public var message: String
    /// The field or resource the error is about.
    public var target: String?
    /// More specific errors.
    public var details: [ARMErrorDetail]

    /// An error.
    public init(code: String, message: String, target: String? = nil, details: [ARMErrorDetail] = []) {
        self.code = code
        self.message = message
        self.target = target
        self.details = details
    }

    init(_ reader: WireReader) throws(AzureMLError) {
        code = try reader.string("code") ?? "Unknown"
        message = try reader.string("message") ?? ""
        target = try reader.string("target")
        var details: [ARMErrorDetail] = []
        for element in try reader.array("details") ?? [] {
            details.append(try ARMErrorDetail(WireReader(element, path: reader.field("details"))))
        }
        self.details = details
    }

    /// The error as JSON.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("code", code)
        writer.set("message", message)
        writer.set("target", target)
        if !details.isEmpty { writer.set("details", JSONValue.array(details.map(\.json))) }
        return writer.json
    }

    public var description: String {
        var text = "(\(code)) \(message)"
        if let target { text += " [target: \(target)]" }
        for detail in details { text += "\n  " + detail.description }
        return text
    }
}
