import AzureML
import Foundation
import NIOHTTP1

@testable import LocalWorkspace

/// Talks to a test server's MLflow endpoints as the `mlflow` client does: JSON bodies for POST and PATCH, query
/// strings for GET, `Authorization: Bearer <token>`.
struct MLflowTestClient: Sendable {
    let workspace: TestWorkspace
    /// The bearer token; `nil` sends none.
    var token: String?
    /// `api` or `ajax-api`.
    var apiRoot = "api"

    init(_ workspace: TestWorkspace, token: String? = nil) {
        self.workspace = workspace
        self.token = token ?? workspace.server.token
    }

    var headers: [(String, String)] {
        var headers = [("User-Agent", "mlflow-python-client/3.17.2")]
        if let token { headers.append(("Authorization", "Bearer " + token)) }
        return headers
    }

    /// `GET /api/2.0/mlflow/<endpoint>?<query>`, the query's values percent-encoded.
    func get(_ endpoint: String, _ query: [(String, String)] = []) async throws -> TestResponse {
        var url = workspace.server.url + "/\(apiRoot)/2.0/mlflow/" + endpoint
        if !query.isEmpty {
            url += "?" + query.map { "\($0.0)=\(QueryParameters.percentEncode($0.1))" }.joined(separator: "&")
        }
        return try await TestWorkspace.send(.GET, url, headers: headers)
    }

    /// `POST /api/2.0/mlflow/<endpoint>` with a JSON body.
    func post(_ endpoint: String, _ body: JSONValue) async throws -> TestResponse {
        try await send(.POST, endpoint, body)
    }

    /// A JSON request with any method.
    func send(_ method: HTTPMethod, _ endpoint: String, _ body: JSONValue) async throws -> TestResponse {
        try await TestWorkspace.send(
            method, workspace.server.url + "/\(apiRoot)/2.0/mlflow/" + endpoint, body: Array(body.serialized().utf8),
            headers: headers + [("Content-Type", "application/json")])
    }

    /// `PUT /api/2.0/mlflow-artifacts/artifacts/<path>` with raw bytes.
    func putArtifact(_ path: String, _ bytes: [UInt8], contentType: String = "application/octet-stream")
        async throws -> TestResponse
    {
        try await TestWorkspace.send(
            .PUT, workspace.server.url + "/\(apiRoot)/2.0/mlflow-artifacts/artifacts/" + path, body: bytes,
            headers: headers + [("Content-Type", contentType)])
    }

    /// `GET /api/2.0/mlflow-artifacts/artifacts/<path>`.
    func getArtifact(_ path: String) async throws -> TestResponse {
        try await TestWorkspace.send(
            .GET, workspace.server.url + "/\(apiRoot)/2.0/mlflow-artifacts/artifacts/" + path, headers: headers)
    }

    /// `GET /api/2.0/mlflow-artifacts/artifacts?path=<path>`: the listed names, `/` appended to folders, with
    /// file sizes.
    func listArtifacts(_ path: String) async throws -> [String: Int?] {
        let response = try await TestWorkspace.send(
            .GET,
            workspace.server.url + "/\(apiRoot)/2.0/mlflow-artifacts/artifacts?path="
                + QueryParameters.percentEncode(path),
            headers: headers)
        guard response.status == 200 else { throw TestFailure("list \(path): \(response.status) \(response.text)") }
        var files: [String: Int?] = [:]
        for file in response.json["files"]?.arrayValue ?? [] {
            let isDirectory = file["is_dir"]?.boolValue == true
            files[file["path"]!.stringValue! + (isDirectory ? "/" : "")] = file["file_size"]?.intValue
        }
        return files
    }
}

extension TestResponse {
    /// `error_code` of an MLflow error body.
    var mlflowErrorCode: String? { json["error_code"]?.stringValue }

    /// `message` of an MLflow error body.
    var mlflowMessage: String? { json["message"]?.stringValue }
}
