import HTTPTypes
import Hummingbird

/// An Azure Storage error: an HTTP status, a storage error code (also sent as `x-ms-error-code`) and a message,
/// rendered as Azure's XML `<Error>` body.
struct BlobError: Error, Sendable, Hashable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The storage error for a status Hummingbird raised itself (no route, body too large).
    init(httpStatus status: HTTPResponse.Status) {
        switch status {
        case .notFound:
            self.init(
                .badRequest, code: "InvalidUri",
                message: "The requested URI does not represent any resource on the server.")
        case .contentTooLarge:
            self.init(status, code: "RequestBodyTooLarge", message: "The request body is too large.")
        default:
            self.init(status, code: status.reasonPhrase.split(separator: " ").joined(), message: status.reasonPhrase)
        }
    }

    /// The response; a HEAD response has the status and headers but no body, as Azure Storage answers.
    func response(requestID: String, isHead: Bool) -> Response {
        var headers = HTTPFields()
        headers[.msErrorCode] = code
        guard !isHead else { return Response(status: status, headers: headers) }
        headers[.contentType] = "application/xml"
        let text =
            #"<?xml version="1.0" encoding="utf-8"?><Error><Code>"# + XMLText.escape(code) + "</Code><Message>"
            + XMLText.escape("\(message)\nRequestId:\(requestID)\nTime:\(Timestamp.iso8601(Timestamp.now()))")
            + "</Message></Error>"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static let blobNotFound = BlobError(.notFound, code: "BlobNotFound", message: "The specified blob does not exist.")
    static let containerNotFound = BlobError(
        .notFound, code: "ContainerNotFound", message: "The specified container does not exist.")
    static let blobAlreadyExists = BlobError(
        .conflict, code: "BlobAlreadyExists", message: "The specified blob already exists.")

    static func authenticationFailed(_ reason: String) -> BlobError {
        BlobError(
            .forbidden, code: "AuthenticationFailed",
            message: "Server failed to authenticate the request. Make sure the value of Authorization header is "
                + "formed correctly including the signature. Reason: \(reason).")
    }

    static func invalidName(_ reason: String) -> BlobError {
        BlobError(
            .badRequest, code: "InvalidResourceName", message: "The specifed resource name is not valid: \(reason).")
    }
}
