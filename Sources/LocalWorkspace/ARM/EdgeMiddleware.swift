import AzureML
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: assigns `x-ms-request-id`, echoes `x-ms-correlation-request-id` and
/// `x-ms-client-request-id`, and turns every error into the response its API family expects: ARM's JSON error body
/// everywhere, Azure Storage's XML error under `/blob/`, MLflow's `{"error_code", "message"}` under `/api/` and
/// `/ajax-api/` (an unknown endpoint there is 404 `ENDPOINT_NOT_FOUND`). Nothing else renders errors.
struct EdgeMiddleware: RouterMiddleware {
    typealias Context = WorkspaceRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let requestID = RandomToken.uuid()
        context.requestID = requestID
        let isBlob = request.uri.path.hasPrefix(BlobRoutes.prefix + "/")
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            if MLflowRoutes.isMLflowPath(request.uri.path) {
                response = Self.renderMLflow(error, request: request, context: context)
            } else {
                response = Self.render(error, isBlob: isBlob, request: request, context: context)
            }
        }
        response.headers[.msRequestID] = requestID
        if isBlob {
            response.headers[.msVersion] = request.headers[.msVersion] ?? SharedAccessSignature.version
        } else {
            response.headers[.msCorrelationRequestID] = request.headers[.msCorrelationRequestID] ?? requestID
        }
        if let clientID = request.headers[.msClientRequestID] { response.headers[.msClientRequestID] = clientID }
        return response
    }

    private static func render(_ error: any Error, isBlob: Bool, request: Request, context: Context) -> Response {
        switch error {
        case let error as BlobError where isBlob:
            return error.response(requestID: context.requestID, isHead: request.method == .head)
        case let error as ARMError:
            return JSONResponse.make(status: error.status, json: error.body.json)
        case let error as any HTTPResponseError:
            if isBlob {
                return BlobError(httpStatus: error.status).response(
                    requestID: context.requestID, isHead: request.method == .head)
            }
            return JSONResponse.make(status: error.status, json: ARMError(httpStatus: error.status).body.json)
        default:
            context.logger.error(
                "unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            if isBlob {
                return BlobError(
                    .internalServerError, code: "InternalError",
                    message: "The server encountered an "
                        + "internal error. Please retry the request."
                ).response(
                    requestID: context.requestID, isHead: request.method == .head)
            }
            return JSONResponse.make(
                status: .internalServerError,
                json: ARMErrorResponse(code: "InternalServerError", message: "The local workspace failed: \(error)")
                    .json)
        }
    }
}

extension EdgeMiddleware {
    /// MLflow's error JSON. Only a real failure is 5xx: the client retries 408, 429 and 5xx for minutes.
    private static func renderMLflow(_ error: any Error, request: Request, context: Context) -> Response {
        let mlflowError: MLflowError
        switch error {
        case let error as MLflowError:
            mlflowError = error
        case let error as any HTTPResponseError where error.status == .notFound:
            mlflowError = .endpointNotFound
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            mlflowError = .invalid("The request body is larger than the local workspace accepts.")
        case let error as any HTTPResponseError
        where error.status.code < 500 && error.status != .requestTimeout
            && error.status != .tooManyRequests:
            mlflowError = MLflowError(
                error.status, code: "INVALID_PARAMETER_VALUE", message: error.status.reasonPhrase)
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            mlflowError = MLflowError(
                .internalServerError, code: "INTERNAL_ERROR", message: "The local workspace failed: \(error)")
        }
        return JSONResponse.make(status: mlflowError.status, json: mlflowError.json)
    }
}

extension ARMError {
    /// The ARM error for a status Hummingbird raised itself (no route, body too large).
    init(httpStatus status: HTTPResponse.Status) {
        switch status {
        case .notFound:
            self.init(status, code: "NotFound", message: "The local workspace serves no such path or method.")
        case .contentTooLarge:
            self.init(
                status, code: "RequestEntityTooLarge",
                message: "The request body is larger than the 4 MiB the local workspace accepts.")
        default:
            self.init(status, code: status.reasonPhrase.split(separator: " ").joined(), message: status.reasonPhrase)
        }
    }
}
