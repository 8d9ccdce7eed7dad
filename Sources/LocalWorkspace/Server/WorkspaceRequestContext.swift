import Hummingbird

/// The request context of every route: Hummingbird's core storage plus the ids the edge middleware assigns.
struct WorkspaceRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The `x-ms-request-id` of this request.
    var requestID: String
    /// Who an MLflow request comes from (set by `BearerTokenMiddleware` on MLflow paths).
    var mlflowCaller: MLflowCaller?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        requestID = ""
        mlflowCaller = nil
    }

    /// ARM bodies are small: ARM itself rejects requests over 4 MiB. Blob uploads stream and have their own limits.
    var maxUploadSize: Int { 4 * 1024 * 1024 }
}
