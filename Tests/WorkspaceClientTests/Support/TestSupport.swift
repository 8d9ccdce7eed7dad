import AsyncHTTPClient
import AzureML
import Foundation
import NIOCore
import Synchronization
import WorkspaceClient

let testWorkspace = WorkspaceID(subscription: "s", resourceGroup: "r", workspace: "w")
let workspacePath = "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"

/// A configuration for tests: the server's URL, no real waiting, fixed jitter, recorded sleeps.
func testConfiguration(
    _ baseURL: String, sleeps: Recorder<Double>? = nil, retryPolicy: RetryPolicy = .standard
) -> ARMClient.Configuration {
    ARMClient.Configuration(
        baseURL: baseURL, retryPolicy: retryPolicy, requestTimeout: 10, correlationID: "run-1", jitter: { 0.5 },
        sleep: { sleeps?.append($0) })
}

/// Runs `body` with a client borrowing a fresh `HTTPClient`, shut down afterwards.
func withTestClient<Result: Sendable>(
    _ configuration: ARMClient.Configuration,
    credential: any TokenCredential = StaticTokenCredential(
        token: "t0ken", name: "test"),
    http httpConfiguration: HTTPClient.Configuration = ARMClient.httpConfiguration,
    _ body: (ARMClient) async throws -> Result
) async throws -> Result {
    try await HTTPClient.withHTTPClient(configuration: httpConfiguration) { http in
        let client = try ARMClient(
            workspace: testWorkspace, credential: credential, configuration: configuration, httpClient: http)
        return try await body(client)
    }
}

/// The client configuration of tests that connect to closed ports: a refused connection is retried by the
/// connection pool until the connect timeout, so it is short here.
var fastFailingHTTP: HTTPClient.Configuration {
    var configuration = ARMClient.httpConfiguration
    configuration.timeout.connect = .milliseconds(200)
    return configuration
}

/// A fresh temporary directory, removed after `body`.
func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wc-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
}

/// Deterministic bytes: `count` bytes of a repeating pattern.
func patternBytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ $0 / 251) }
}

/// A port nothing listens on (bound, then released).
func closedPort() async throws -> Int {
    try await TestHTTPServer.run({ _ in .text(200, "") }) { $0.port }
}

/// Writes `bytes` to `path`.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Writes an executable shell script `name` into `directory` and returns its path.
func makeScript(_ directory: String, _ name: String, _ body: String) throws -> String {
    let path = directory + "/" + name
    try writeFile(path, Array("#!/bin/sh\n\(body)\n".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
}
