import AsyncHTTPClient
import AzureML
import Foundation
import Synchronization
import Testing
import WorkspaceClient

/// A credential that counts how often it is asked.
private final class CountingCredential: TokenCredential {
    let name = "counting"
    let calls = Mutex(0)
    func requestToken() async throws -> AccessToken {
        let call = calls.withLock {
            $0 += 1
            return $0
        }
        return AccessToken(token: "token-\(call)", expiresOn: Date().addingTimeInterval(3600))
    }
}

@Suite struct ARMClientTests {
    @Test func joinsWorkspacePathsAndEncodesTheQuery() {
        let list = ARMRequest(
            method: "GET", path: "/environments/my env/versions", apiVersion: "2023-04-01-preview",
            query: [.init("$orderBy", "createdtime desc"), .init("$top", "1")])
        #expect(
            ARMClient.url(for: list, baseURL: "https://management.azure.com/", workspace: testWorkspace)
                == "https://management.azure.com\(workspacePath)/environments/my%20env/versions"
                + "?api-version=2023-04-01-preview&$orderBy=createdtime%20desc&$top=1")
        let poll = ARMRequest(method: "GET", path: "https://h:8/op/1?api-version=2023-01-01", apiVersion: "x")
        #expect(ARMClient.url(for: poll, baseURL: "https://h:8", workspace: testWorkspace) == poll.path)
        let next = ARMRequest(method: "GET", path: "http://127.0.0.1:9/list?$skip=2", apiVersion: nil)
        #expect(ARMClient.url(for: next, baseURL: "x", workspace: testWorkspace) == next.path)
        let added = ARMRequest(
            method: "GET", path: "http://127.0.0.1:9/op", apiVersion: "v", query: [.init("a", "b&c")])
        #expect(
            ARMClient.url(for: added, baseURL: "x", workspace: testWorkspace)
                == "http://127.0.0.1:9/op?api-version=v&a=b%26c")
    }

    @Test func sendsTheTokenRequestIdsAndAJSONBody() async throws {
        try await TestHTTPServer.run({ request in
            .json(
                201,
                #"{"id": "x", "name": "1", "properties": {"echo": \#(request.text.isEmpty ? "null" : request.text)}}"#)
        }) { server in
            let response = try await withTestClient(testConfiguration(server.url)) { client in
                _ = try await client.send(ARMRequest(method: "GET", path: "/jobs/a", apiVersion: "v1"))
                return try await client.send(
                    ARMRequest(
                        method: "PUT", path: "/jobs/b", apiVersion: "v2", body: ["properties": ["x": 1.5]],
                        headers: [Header("x-azureml-token", "user")]))
            }
            #expect(response.status == 201)
            #expect(response.body?["properties"]?["echo"] == ["properties": ["x": 1.5]])
            let requests = server.requests
            #expect(
                requests.map(\.uri) == [
                    "\(workspacePath)/jobs/a?api-version=v1", "\(workspacePath)/jobs/b?api-version=v2",
                ])
            #expect(requests.map { $0.header("Authorization") } == ["Bearer t0ken", "Bearer t0ken"])
            #expect(requests.map { $0.header("x-ms-correlation-request-id") } == ["run-1", "run-1"])
            let ids = requests.compactMap { $0.header("x-ms-client-request-id") }
            #expect(ids.count == 2 && ids[0] != ids[1] && ids.allSatisfy { UUID(uuidString: $0) != nil })
            #expect(requests[0].header("Content-Type") == nil)
            #expect(requests[1].header("Content-Type") == "application/json")
            #expect(requests[1].header("x-azureml-token") == "user")
            #expect(requests[1].text == #"{"properties":{"x":1.5}}"#)
        }
    }

    @Test func tokensAreCachedAcrossRequests() async throws {
        let credential = CountingCredential()
        try await TestHTTPServer.run({ _ in .json(200, "{}") }) { server in
            try await withTestClient(testConfiguration(server.url), credential: credential) { client in
                for _ in 0..<3 { _ = try await client.send(ARMRequest(method: "GET", path: "/jobs", apiVersion: "v")) }
            }
            #expect(server.requests.map { $0.header("Authorization") } == Array(repeating: "Bearer token-1", count: 3))
        }
        #expect(credential.calls.withLock { $0 } == 1)
    }

    @Test func aRejectedTokenIsRefreshedOnce() async throws {
        let credential = CountingCredential()
        try await TestHTTPServer.run({ request in
            request.header("Authorization") == "Bearer token-1"
                ? .json(401, #"{"error": {"code": "InvalidAuthenticationToken", "message": "expired"}}"#)
                : .json(200, "{}")
        }) { server in
            let statuses = try await withTestClient(testConfiguration(server.url), credential: credential) { client in
                var statuses: [Int] = []
                for _ in 0..<2 {
                    statuses.append(
                        try await client.send(ARMRequest(method: "GET", path: "/x", apiVersion: "v")).status)
                }
                return statuses
            }
            #expect(statuses == [200, 200])
            #expect(
                server.requests.compactMap { $0.header("Authorization") } == [
                    "Bearer token-1", "Bearer token-2", "Bearer token-2",
                ])
        }
        #expect(credential.calls.withLock { $0 } == 2)
    }

    @Test func retriesThrottlingAndServerErrorsHonouringRetryAfter() async throws {
        let sleeps = Recorder<Double>()
        let notices = Recorder<String>()
        let answers = Recorder<Int>()
        try await TestHTTPServer.run({ _ in
            answers.append(0)
            switch answers.count {
            case 1:
                return .json(
                    429, #"{"error": {"code": "TooManyRequests", "message": "slow down"}}"#,
                    headers: [Header("Retry-After", "3")])
            case 2: return .text(503, "unavailable")
            default: return .json(200, #"{"ok": true}"#)
            }
        }) { server in
            var configuration = testConfiguration(server.url, sleeps: sleeps)
            configuration.onRetry = { notices.append($0.description) }
            let response = try await withTestClient(configuration) { client in
                try await client.send(ARMRequest(method: "PUT", path: "/jobs/j", apiVersion: "v", body: [:]))
            }
            #expect(response.status == 200)
            #expect(server.requests.count == 3)
            let ids = Set(server.requests.compactMap { $0.header("x-ms-client-request-id") })
            #expect(ids.count == 1)
        }
        #expect(sleeps.values == [3, 0.8])
        #expect(notices.count == 2)
        #expect(notices.values[0].hasSuffix("/jobs/j: HTTP 429; retrying in 3.0 s (attempt 2)"))
        #expect(notices.values[1].hasSuffix("/jobs/j: HTTP 503; retrying in 0.8 s (attempt 3)"))
    }

    @Test func retriesDroppedConnections() async throws {
        let answers = Recorder<Int>()
        try await TestHTTPServer.run({ _ in
            answers.append(0)
            return answers.count == 1 ? .drop : .json(200, "{}")
        }) { server in
            let response = try await withTestClient(testConfiguration(server.url)) { client in
                try await client.send(ARMRequest(method: "GET", path: "/jobs/j", apiVersion: "v"))
            }
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
        }
    }

    @Test func returnsTheLastAnswerWhenRetriesRunOutAndReadsTextBodiesAsErrors() async throws {
        try await TestHTTPServer.run({ _ in .text(503, "Service Unavailable\n") }) { server in
            let policy = RetryPolicy(maxAttempts: 2, maxTotalSeconds: 60, baseDelay: 0.1, maxDelay: 1)
            let response = try await withTestClient(testConfiguration(server.url, retryPolicy: policy)) { client in
                try await client.send(ARMRequest(method: "GET", path: "/jobs/j", apiVersion: "v"))
            }
            #expect(response.status == 503)
            #expect(response.armError?.description == "(HttpStatus503) Service Unavailable")
            #expect(server.requests.count == 2)
        }
    }

    @Test func connectionFailuresBecomeOneReadableError() async throws {
        let port = try await closedPort()
        let policy = RetryPolicy(maxAttempts: 2, maxTotalSeconds: 60, baseDelay: 0.1, maxDelay: 1)
        await #expect {
            let configuration = testConfiguration("http://127.0.0.1:\(port)", retryPolicy: policy)
            return try await withTestClient(configuration, http: fastFailingHTTP) { client in
                try await client.send(ARMRequest(method: "GET", path: "/jobs/j", apiVersion: "v"))
            }
        } throws: { error in
            let error = error as? WorkspaceClientError
            return error?.kind == "transport"
                && error?.description.hasPrefix(
                    "GET http://127.0.0.1:\(port)\(workspacePath)/jobs/j: connection failed (2 attempts): ") == true
        }
    }

    @Test func slowAnswersTimeOut() async throws {
        try await TestHTTPServer.run({ _ in TestResponse(status: 200, delay: 1) }) { server in
            var configuration = testConfiguration(server.url, retryPolicy: .none)
            configuration.requestTimeout = 0.2
            await #expect(
                throws: WorkspaceClientError.timeout(
                    "GET \(server.url)\(workspacePath)/jobs/j", seconds: 0.2, attempts: 1)
            ) {
                try await withTestClient(configuration) { client in
                    try await client.send(ARMRequest(method: "GET", path: "/jobs/j", apiVersion: "v"))
                }
            }
        }
    }

    @Test func oversizedResponsesAreRefused() async throws {
        let big = "{\"value\": \"" + String(repeating: "x", count: 5000) + "\"}"
        try await TestHTTPServer.run({ _ in .json(200, big) }) { server in
            var configuration = testConfiguration(server.url)
            configuration.maxResponseBytes = 1000
            await #expect(
                throws: WorkspaceClientError.responseTooLarge("GET \(server.url)\(workspacePath)/jobs", limit: 1000)
            ) {
                try await withTestClient(configuration) { client in
                    try await client.send(ARMRequest(method: "GET", path: "/jobs", apiVersion: "v"))
                }
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func aSuccessWithoutJSONIsAnError() async throws {
        try await TestHTTPServer.run({ _ in .text(200, "<html>proxy login</html>") }) { server in
            await #expect(
                throws: WorkspaceClientError.invalidResponse(
                    "GET \(server.url)\(workspacePath)/jobs",
                    "HTTP 200 with a body that is not JSON: <html>proxy login</html>")
            ) {
                try await withTestClient(testConfiguration(server.url)) { client in
                    try await client.send(ARMRequest(method: "GET", path: "/jobs", apiVersion: "v"))
                }
            }
        }
    }

    @Test func theTokenGoesOnlyToTheConfiguredOriginOverSecureTransport() async throws {
        try await TestHTTPServer.run({ _ in .json(200, "{}") }) { server in
            await #expect(
                throws: WorkspaceClientError.insecureURL(
                    "http://127.0.0.1:1/op",
                    "refusing to send the bearer token to a different origin than \(server.url)")
            ) {
                try await withTestClient(testConfiguration(server.url)) { client in
                    try await client.send(ARMRequest(method: "GET", path: "http://127.0.0.1:1/op", apiVersion: nil))
                }
            }
            #expect(server.requests.isEmpty)
        }
        await #expect(
            throws: WorkspaceClientError.insecureURL(
                "http://example.com:8080",
                "refusing to send a bearer token over plain http to a host other than the loopback address "
                    + "(use https, or allow insecure HTTP explicitly)")
        ) {
            try await withTestClient(testConfiguration("http://example.com:8080")) { _ in }
        }
        var allowed = testConfiguration("http://example.com:8080")
        allowed.allowsInsecureHTTP = true
        try await withTestClient(allowed) { client in #expect(client.configuration.baseURL == "http://example.com:8080")
        }
    }

    @Test func anOwnedClientIsShutDownAfterUse() async throws {
        try await TestHTTPServer.run({ _ in .json(200, #"{"a": 1}"#) }) { server in
            let kept = Recorder<ARMClient>()
            let body = try await ARMClient.withClient(
                workspace: testWorkspace, credential: StaticTokenCredential(token: "t", name: "t"),
                configuration: testConfiguration(server.url)
            ) { client in
                kept.append(client)
                return try await client.send(ARMRequest(method: "GET", path: "/x", apiVersion: "v")).body
            }
            #expect(body == ["a": 1])
            await #expect {
                try await kept.values[0].send(ARMRequest(method: "GET", path: "/x", apiVersion: "v"))
            } throws: { error in
                (error as? WorkspaceClientError)?.kind == "transport"
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func anAsynchronousPutIsPolledToItsEndOverHTTP() async throws {
        let polls = Recorder<Int>()
        let sleeps = Recorder<Double>()
        try await TestHTTPServer.run({ request in
            let compute = #"{"id": "\#(workspacePath)/computes/c", "name": "c", "properties": {"state": "%@"}}"#
            if request.method == "PUT" {
                let operation =
                    "http://127.0.0.1:\(request.header("Host")!.split(separator: ":").last!)/ops/1?api-version=v"
                return .json(
                    201, compute.replacingOccurrences(of: "%@", with: "Creating"),
                    headers: [Header("Azure-AsyncOperation", operation), Header("Retry-After", "2")])
            }
            if request.path == "/ops/1" {
                polls.append(0)
                return .json(200, polls.count < 2 ? #"{"status": "InProgress"}"# : #"{"status": "Succeeded"}"#)
            }
            return .json(200, compute.replacingOccurrences(of: "%@", with: "Succeeded"))
        }) { server in
            let polling = PollingOptions(minimumInterval: 0, maximumInterval: 10, defaultInterval: 1) {
                sleeps.append($0)
            }
            let compute = try await withTestClient(testConfiguration(server.url)) { client in
                try await client.putResource(
                    "/computes/c", apiVersion: "2023-08-01-preview", body: ["properties": [:]], polling: polling)
            }
            #expect(compute.properties["state"] == "Succeeded")
            #expect(server.requests.map(\.method) == ["PUT", "GET", "GET", "GET"])
            #expect(
                server.requests.map(\.path) == [
                    "\(workspacePath)/computes/c", "/ops/1", "/ops/1", "\(workspacePath)/computes/c",
                ])
            #expect(server.requests.map { $0.header("Authorization") }.allSatisfy { $0 == "Bearer t0ken" })
        }
        #expect(sleeps.values == [2, 1])
    }
}
