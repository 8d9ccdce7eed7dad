import AzureML
import HTTPTypes
import Hummingbird

/// An error answered to the MLflow client with MLflow's body, `{"error_code", "message"}`, and the status MLflow
/// gives that code. The codes used never make the client retry (it retries 408, 429 and 5xx for minutes).
struct MLflowError: Error, Sendable, Hashable, HTTPResponseError {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// MLflow's error code, such as `RESOURCE_DOES_NOT_EXIST`.
    var code: String
    /// What is wrong.
    var message: String

    init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The body.
    var json: JSONValue {
        ["error_code": .string(code), "message": .string(message)]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, json: json)
    }

    /// 404 `RESOURCE_DOES_NOT_EXIST`: a run, experiment, logged model or artifact that does not exist.
    static func notFound(_ message: String) -> MLflowError {
        MLflowError(.notFound, code: "RESOURCE_DOES_NOT_EXIST", message: message)
    }

    /// 400 `INVALID_PARAMETER_VALUE`: malformed input.
    static func invalid(_ message: String) -> MLflowError {
        MLflowError(.badRequest, code: "INVALID_PARAMETER_VALUE", message: message)
    }

    /// 400 `INVALID_PARAMETER_VALUE` for a required field that is absent or empty.
    static func missing(_ path: String) -> MLflowError {
        invalid("Missing value for required parameter '\(path)'.")
    }

    /// 400 `RESOURCE_ALREADY_EXISTS`.
    static func alreadyExists(_ message: String) -> MLflowError {
        MLflowError(.badRequest, code: "RESOURCE_ALREADY_EXISTS", message: message)
    }

    /// 404 `ENDPOINT_NOT_FOUND`: a path or method the local workspace does not serve.
    static let endpointNotFound = MLflowError(
        .notFound, code: "ENDPOINT_NOT_FOUND", message: "The local workspace serves no such MLflow endpoint.")

    /// 401 `UNAUTHENTICATED`.
    static func unauthenticated(_ message: String) -> MLflowError {
        MLflowError(.unauthorized, code: "UNAUTHENTICATED", message: message)
    }

    /// 403 `PERMISSION_DENIED`.
    static func permissionDenied(_ message: String) -> MLflowError {
        MLflowError(.forbidden, code: "PERMISSION_DENIED", message: message)
    }

    /// 404 for a missing run, worded as MLflow's server words it.
    static func runNotFound(_ runID: String) -> MLflowError {
        notFound("Run with id=\(runID) not found")
    }

    /// 404 for a missing logged model.
    static func modelNotFound(_ modelID: String) -> MLflowError {
        notFound("Logged model with ID '\(modelID)' not found.")
    }

    /// 404 for a missing experiment id.
    static func experimentNotFound(id: String) -> MLflowError {
        notFound("No Experiment with id=\(id) exists")
    }
}
