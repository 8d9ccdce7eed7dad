import AsyncHTTPClient
import AzureML
import Foundation
import GRDB
import NIOCore
import NIOHTTP1

@testable import LocalWorkspace

/// A local workspace server in a fresh temporary folder, with an HTTP client bound to it.
struct TestWorkspace: Sendable {
    let server: RunningLocalWorkspace
    let directory: String

    /// Route tests see jobs exactly as the routes leave them: no runner.
    static let options = LocalWorkspaceOptions(provisioningDelay: 0.3, pollInterval: 1, runsJobs: false)

    /// Runs `body` against a new server and removes the folder afterwards.
    static func with<T: Sendable>(
        options: LocalWorkspaceOptions = options, _ body: (TestWorkspace) async throws -> T
    ) async throws -> T {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        let workspace = TestWorkspace(server: server, directory: directory)
        do {
            let result = try await body(workspace)
            try await server.shutdown()
            return result
        } catch {
            try? await server.shutdown()
            throw error
        }
    }

    /// Runs `body` against a new server on an existing workspace folder, which is left in place.
    static func with<T: Sendable>(
        directory: String, options: LocalWorkspaceOptions, _ body: (TestWorkspace) async throws -> T
    ) async throws -> T {
        let server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        do {
            let result = try await body(TestWorkspace(server: server, directory: directory))
            try await server.shutdown()
            return result
        } catch {
            try? await server.shutdown()
            throw error
        }
    }

    static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "deploy-serve-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `{WS}` of this server, the ARM path prefix.
    var workspacePath: String { server.workspace.armID }

    /// An ARM request to `path` (below the server URL, or a full URL), with the bearer token and an api-version
    /// unless told otherwise.
    func arm(
        _ method: HTTPMethod, _ path: String, apiVersion: String? = "2023-04-01-preview", body: JSONValue? = nil,
        token: String?? = .none, headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var url = path.hasPrefix("http") ? path : server.url + path
        if let apiVersion { url += (url.contains("?") ? "&" : "?") + "api-version=" + apiVersion }
        var allHeaders = headers
        switch token {
        case .none: allHeaders.append(("Authorization", "Bearer " + server.token))
        case .some(.some(let value)): allHeaders.append(("Authorization", value))
        case .some(.none): break
        }
        if body != nil { allHeaders.append(("Content-Type", "application/json")) }
        return try await Self.send(method, url, body: body.map { Array($0.serialized().utf8) }, headers: allHeaders)
    }

    /// A request to a full URL.
    static func send(
        _ method: HTTPMethod, _ url: String, body: [UInt8]? = nil, headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return TestResponse(
            status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }

    /// PUTs an environment version with an image.
    @discardableResult
    func putEnvironment(_ name: String, _ version: String, image: String = "python:3.11", extra: JSONObject = [:])
        async throws -> TestResponse
    {
        var properties: JSONObject = ["image": .string(image), "isAnonymous": false, "tags": [:]]
        for (key, value) in extra { properties[key] = value }
        return try await arm(
            .PUT, workspacePath + "/environments/\(name)/versions/\(version)", body: ["properties": .object(properties)]
        )
    }

    /// PUTs a compute and waits until it has been provisioned.
    func createCompute(_ name: String, maxNodeCount: Int = 2) async throws {
        let body: JSONValue = [
            "location": "local",
            "properties": [
                "computeType": "AmlCompute",
                "properties": [
                    "vmSize": "STANDARD_DS3_V2",
                    "scaleSettings": ["maxNodeCount": .int(maxNodeCount), "minNodeCount": 0],
                ],
            ],
        ]
        let response = try await arm(
            .PUT, workspacePath + "/computes/\(name)", apiVersion: APIVersion.computes, body: body)
        guard response.status == 201, let status = response.header("Azure-AsyncOperation") else {
            throw TestFailure("compute PUT answered \(response.status): \(response.text)")
        }
        try await finishProvisioning()
        for _ in 0..<100 {
            let poll = try await arm(.GET, status, apiVersion: nil)
            if poll.json["status"]?.stringValue == "Succeeded" { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("compute \(name) never finished provisioning")
    }

    /// Lets the provisioning delay of every compute pass at once, as if the clock had moved on: tests check the
    /// `Creating`/`Deleting` states with a long delay, then end it here instead of sleeping.
    func finishProvisioning() async throws {
        try await server.store.database.write { db in
            try db.execute(sql: "UPDATE resource SET stateChangesAt = 0 WHERE stateChangesAt IS NOT NULL")
        }
    }

    /// A command job body.
    func commandJob(
        environmentId: String = "azureml:AzureML-lightgbm-3.3@latest", extra: JSONObject = [:]
    ) -> JSONValue {
        var properties: JSONObject = [
            "jobType": "Command", "command": "python main.py", "environmentId": .string(environmentId),
            "displayName": "job", "experimentName": "exp", "tags": [:], "properties": [:], "isArchived": false,
            "inputs": [:], "outputs": [:], "environmentVariables": [:],
        ]
        for (key, value) in extra { properties[key] = value }
        return ["properties": .object(properties)]
    }
}

/// A collected response.
struct TestResponse: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }

    func header(_ name: String) -> String? { headers.first(name: name) }

    /// `error.code` of an ARM error body.
    var errorCode: String? { json["error"]?["code"]?.stringValue }

    /// `error.message` of an ARM error body.
    var errorMessage: String? { json["error"]?["message"]?.stringValue }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
