/// Waiting for ARM's asynchronous operations (azureml-rest.md §6): `Azure-AsyncOperation` is polled until its
/// `status` is `Succeeded`, `Failed` or `Canceled`; otherwise `Location` is polled until it stops answering 202.
extension WorkspaceService {
    /// Whether `response` starts an asynchronous operation: it has `Azure-AsyncOperation`, or is a 202 with
    /// `Location`.
    public static func isAsynchronous(_ response: ARMResponse) -> Bool {
        response.headers.value("Azure-AsyncOperation") != nil
            || (response.status == 202 && response.headers.value("Location") != nil)
    }

    /// Polls the operation that `response` started, sleeping `Retry-After` (within the options' bounds) between
    /// polls, and returns the final response: the resource for `PUT` and `PATCH`, the `Location` answer for other
    /// methods when there is one, else the last status. Throws `AzureMLError.operationFailed` when the operation
    /// ends `Failed` or `Canceled`, when a poll is answered with an error, or when polling times out.
    public func waitForOperation(
        started response: ARMResponse, by request: ARMRequest, polling: PollingOptions = .standard
    ) async throws -> ARMResponse {
        var poller = OperationPoller(service: self, request: request, polling: polling)
        if let statusURL = response.headers.value("Azure-AsyncOperation") {
            var last = response
            while true {
                last = try await poller.poll(statusURL, after: last)
                guard let body = last.body else {
                    throw AzureMLError.operationFailed(
                        poller.described, "the operation status at \(statusURL) has no body", error: nil)
                }
                let status = try AsyncOperationStatus(json: body)
                guard status.isTerminal else { continue }
                guard status.status.lowercased() == "succeeded" else {
                    throw AzureMLError.operationFailed(
                        poller.described, "the operation ended \(status.status)", error: status.error)
                }
                break
            }
            if ["PUT", "PATCH"].contains(request.method) {
                let final = ARMRequest(
                    method: "GET", path: request.path, apiVersion: request.apiVersion, query: request.query)
                return try await poller.checked(final)
            }
            if let location = response.headers.value("Location") {
                return try await poller.checked(ARMRequest(method: "GET", path: location, apiVersion: nil))
            }
            return last
        }
        guard let location = response.headers.value("Location") else { return response }
        var last = response
        while last.status == 202 {
            last = try await poller.poll(location, after: last)
        }
        return last
    }
}

/// The state of one wait: the time slept so far, and how polls and their failures are reported.
private struct OperationPoller<Service: WorkspaceService> {
    let service: Service
    let request: ARMRequest
    let polling: PollingOptions
    var waited: Double = 0

    init(service: Service, request: ARMRequest, polling: PollingOptions) {
        self.service = service
        self.request = request
        self.polling = polling
    }

    var described: String { Service.describe(request) }

    /// Sleeps as `previous` asks, then GETs `url`.
    mutating func poll(_ url: String, after previous: ARMResponse) async throws -> ARMResponse {
        let interval = polling.interval(retryAfter: previous.retryAfter)
        guard waited + interval <= polling.timeout else {
            throw AzureMLError.operationFailed(
                described, "the operation was still running after \(Int(waited)) s of polling", error: nil)
        }
        try await polling.sleep(interval)
        waited += interval
        return try await checked(ARMRequest(method: "GET", path: url, apiVersion: nil))
    }

    /// Sends a poll, turning an error status into a failure of the operation.
    func checked(_ poll: ARMRequest) async throws -> ARMResponse {
        let response = try await service.send(poll)
        guard response.isSuccess else {
            let failure = Service.failure(of: poll, response)
            throw AzureMLError.operationFailed(
                described, "\(Service.describe(poll)) answered HTTP \(response.status)", error: failure.armError)
        }
        return response
    }
}
