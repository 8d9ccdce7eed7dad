import AzureML
import Synchronization
import Testing

/// A workspace that answers ARM requests from a script, in order, and records them.
private final class ScriptedService: WorkspaceService {
    let workspace = WorkspaceID(subscription: "s", resourceGroup: "r", workspace: "w")
    private let state: Mutex<(script: [ARMResponse], requests: [ARMRequest])>

    init(_ script: [ARMResponse]) {
        state = Mutex((script, []))
    }

    var requests: [ARMRequest] { state.withLock { $0.requests } }

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.script.isEmpty else { throw AzureMLError.io("script exhausted", path: request.path) }
            return state.script.removeFirst()
        }
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        throw AzureMLError.io("no blobs here", path: request.url)
    }
}

private final class SleepRecorder: Sendable {
    let slept = Mutex<[Double]>([])
    var values: [Double] { slept.withLock { $0 } }
    var options: PollingOptions {
        PollingOptions(minimumInterval: 1, maximumInterval: 30, defaultInterval: 5, timeout: 100) { seconds in
            self.slept.withLock { $0.append(seconds) }
        }
    }
}

private func resource(_ name: String, path: String = "/environments/e/versions") -> JSONValue {
    [
        "id": .string(
            "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"
                + "\(path)/\(name)"),
        "name": .string(name), "type": "Microsoft.MachineLearningServices/workspaces/environments/versions",
        "properties": ["image": "i"],
    ]
}

private func armError(_ code: String, _ message: String, target: String? = nil) -> JSONValue {
    ARMErrorResponse(code: code, message: message, target: target).json
}

@Suite struct WorkspaceServiceTests {
    @Test func getReturnsNilForAMissingResourceWithTheReadAPIVersion() async throws {
        let service = ScriptedService([ARMResponse(status: 404, body: armError("ResourceNotFound", "not found"))])
        let found = try await service.getResource(ResourceID(kind: .environment, name: "e", version: "1"))
        #expect(found == nil)
        #expect(service.requests.map(\.path) == ["/environments/e/versions/1"])
        #expect(service.requests.map(\.apiVersion) == ["2023-04-01-preview"])
    }

    @Test func getFailsWhenTheWorkspaceItselfIsMissing() async throws {
        let service = ScriptedService([
            ARMResponse(status: 404, body: armError("ResourceGroupNotFound", "Resource group 'r' could not be found."))
        ])
        await #expect(
            throws: AzureMLError.requestFailed(
                "GET /jobs/j", status: 404,
                error: ARMErrorDetail(code: "ResourceGroupNotFound", message: "Resource group 'r' could not be found.")
            )
        ) { try await service.getResource("/jobs/j", apiVersion: APIVersion.jobs) }
    }

    @Test func failedRequestsReadAsCodeMessageAndTarget() async throws {
        let service = ScriptedService([
            ARMResponse(status: 409, body: armError("UserError", "Conflict: version exists.", target: "version")),
            ARMResponse(status: 502, body: nil),
        ])
        let put = ARMRequest(method: "PUT", path: "/environments/e/versions/1", apiVersion: "v", body: [:])
        do {
            _ = try await service.sendExpectingSuccess(put)
            Issue.record("expected a failure")
        } catch let error as AzureMLError {
            #expect(
                error.description
                    == "PUT /environments/e/versions/1: HTTP 409 (UserError) Conflict: version exists. [target: version]"
            )
            #expect(error.httpStatus == 409)
            #expect(error.armCode == "UserError")
            #expect(error.kind == "requestFailed")
        }
        let get = ARMRequest(method: "GET", path: "https://x/op?sig=secret", apiVersion: nil)
        await #expect(
            throws: AzureMLError.requestFailed(
                "GET https://x/op", status: 502,
                error: ARMErrorDetail(code: "HttpStatus502", message: "the server sent no ARM error body"))
        ) { try await service.sendExpectingSuccess(get) }
    }

    @Test func listFollowsNextLinksUntilTheLastPage() async throws {
        let service = ScriptedService([
            ARMResponse(status: 200, body: ["value": [resource("1"), resource("2")], "nextLink": "https://h/p2"]),
            ARMResponse(status: 200, body: ["value": [resource("3")]]),
        ])
        let all = try await service.listResources(
            "/environments/e/versions", apiVersion: "v", query: [.init("$orderBy", "createdtime desc")])
        #expect(all.map(\.name) == ["1", "2", "3"])
        #expect(service.requests.map(\.path) == ["/environments/e/versions", "https://h/p2"])
        #expect(service.requests.map(\.apiVersion) == ["v", nil])
        #expect(service.requests[0].query == [.init("$orderBy", "createdtime desc")])
        #expect(service.requests[1].query == [])
    }

    @Test func listStopsAtTheLimitAndAtARepeatedNextLink() async throws {
        let limited = ScriptedService([
            ARMResponse(status: 200, body: ["value": [resource("1"), resource("2")], "nextLink": "https://h/p2"])
        ])
        #expect(try await limited.listResources("/environments/e/versions", apiVersion: "v", limit: 1).count == 1)
        let looping = ScriptedService([
            ARMResponse(status: 200, body: ["value": [], "nextLink": "https://h/p2"]),
            ARMResponse(status: 200, body: ["value": [], "nextLink": "https://h/p2"]),
        ])
        await #expect(
            throws: AzureMLError.invalidBody("the list repeats the nextLink 'https://h/p2'", field: "nextLink")
        ) {
            try await looping.listResources("/environments/e/versions", apiVersion: "v")
        }
    }

    @Test func synchronousPutReturnsTheStoredResource() async throws {
        let service = ScriptedService([ARMResponse(status: 201, body: resource("1"))])
        let stored = try await service.putResource(
            "/environments/e/versions/1", apiVersion: "v", body: ["properties": ["image": "i"]])
        #expect(stored.name == "1")
        #expect(service.requests.map(\.method) == ["PUT"])
        #expect(service.requests[0].body == ["properties": ["image": "i"]])
    }

    @Test func asyncOperationIsPolledWithRetryAfterThenTheResourceIsRead() async throws {
        let sleeps = SleepRecorder()
        let service = ScriptedService([
            ARMResponse(
                status: 201,
                headers: [Header("Azure-AsyncOperation", "https://h/op/1?api-version=x"), Header("Retry-After", "0")],
                body: resource("c", path: "/computes")),
            ARMResponse(status: 200, headers: [Header("Retry-After", "7")], body: ["status": "InProgress"]),
            ARMResponse(status: 200, headers: [Header("Retry-After", "90")], body: ["status": "Running"]),
            ARMResponse(status: 200, body: ["status": "Succeeded"]),
            ARMResponse(status: 200, body: resource("c", path: "/computes")),
        ])
        let compute = try await service.putResource(
            "/computes/c", apiVersion: "2023-08-01-preview", body: ["properties": [:]], polling: sleeps.options)
        #expect(compute.name == "c")
        #expect(sleeps.values == [1, 7, 30])
        #expect(
            service.requests.map(\.path) == [
                "/computes/c", "https://h/op/1?api-version=x", "https://h/op/1?api-version=x",
                "https://h/op/1?api-version=x", "/computes/c",
            ])
        #expect(service.requests.last?.apiVersion == "2023-08-01-preview")
        #expect(service.requests.last?.method == "GET")
    }

    @Test func aFailedOperationReportsItsError() async throws {
        let sleeps = SleepRecorder()
        let service = ScriptedService([
            ARMResponse(status: 201, headers: [Header("Azure-AsyncOperation", "https://h/op/2")], body: nil),
            ARMResponse(
                status: 200,
                body: ["status": "Failed", "error": ["code": "QuotaExceeded", "message": "No cores left."]]),
        ])
        let request = ARMRequest(method: "PUT", path: "/computes/c", apiVersion: "v", body: [:])
        do {
            _ = try await service.sendAndWait(request, polling: sleeps.options)
            Issue.record("expected a failure")
        } catch let error as AzureMLError {
            #expect(error.description == "PUT /computes/c: the operation ended Failed: (QuotaExceeded) No cores left.")
            #expect(error.armCode == "QuotaExceeded")
        }
        #expect(sleeps.values == [5])
    }

    @Test func locationIsPolledUntilItStopsAnswering202() async throws {
        let sleeps = SleepRecorder()
        let service = ScriptedService([
            ARMResponse(status: 202, headers: [Header("Location", "https://h/loc"), Header("Retry-After", "2")]),
            ARMResponse(status: 202, headers: [Header("Location", "https://h/loc"), Header("Retry-After", "3")]),
            ARMResponse(status: 200, body: ["done": true]),
        ])
        let cancel = ARMRequest(method: "POST", path: "/jobs/j/cancel", apiVersion: "v")
        let final = try await service.sendAndWait(cancel, polling: sleeps.options)
        #expect(final.status == 200)
        #expect(final.body == ["done": true])
        #expect(sleeps.values == [2, 3])
        #expect(service.requests.map(\.path) == ["/jobs/j/cancel", "https://h/loc", "https://h/loc"])
    }

    @Test func pollingGivesUpAfterItsTimeoutAndOnAnErrorAnswer() async throws {
        let sleeps = SleepRecorder()
        var options = sleeps.options
        options.timeout = 12
        let running = ARMResponse(status: 200, headers: [Header("Retry-After", "5")], body: ["status": "InProgress"])
        let service = ScriptedService(
            [ARMResponse(status: 202, headers: [Header("Azure-AsyncOperation", "https://h/op")])]
                + Array(repeating: running, count: 5))
        let delete = ARMRequest(method: "DELETE", path: "/jobs/j", apiVersion: "v")
        await #expect(
            throws: AzureMLError.operationFailed(
                "DELETE /jobs/j", "the operation was still running after 10 s of polling", error: nil)
        ) { try await service.sendAndWait(delete, polling: options) }

        let failing = ScriptedService([
            ARMResponse(status: 202, headers: [Header("Location", "https://h/loc")]),
            ARMResponse(status: 500, body: armError("InternalServerError", "boom")),
        ])
        await #expect(
            throws: AzureMLError.operationFailed(
                "DELETE /jobs/j", "GET https://h/loc answered HTTP 500",
                error: ARMErrorDetail(code: "InternalServerError", message: "boom"))
        ) { try await failing.sendAndWait(delete, polling: sleeps.options) }
    }

    @Test func synchronousAnswersAreNotPolled() async throws {
        let service = ScriptedService([ARMResponse(status: 200, headers: [Header("Location", "https://h/x")])])
        let response = try await service.sendAndWait(ARMRequest(method: "POST", path: "/x", apiVersion: "v"))
        #expect(response.status == 200)
        #expect(service.requests.count == 1)
        #expect(
            ScriptedService.isAsynchronous(ARMResponse(status: 200, headers: [Header("azure-asyncoperation", "u")])))
    }
}
