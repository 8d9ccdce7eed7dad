import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct MLflowArtifactRoutesTests {
    @Test func traversalAttemptsAreRejected() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let port = RawHTTP.port(of: ws.server.url)
            let attempts = [
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/../../../../escape.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a/%2e%2e/%2e%2e/%2e%2e/escape.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/%2Fetc%2Fpasswd",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts//absolute.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a%5C..%5Cb.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/./x.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/x%00.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/..%2F..%2Fescape/artifacts/x.txt",
                "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/%zz",
            ]
            for path in attempts {
                let response = try await RawHTTP.exchange(
                    port: port,
                    request: "PUT \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ws.server.token)\r\n"
                        + "Content-Length: 1\r\nConnection: close\r\n\r\nx")
                #expect(response.hasPrefix("HTTP/1.1 400"), "\(path): \(response)")
                #expect(
                    response.hasSuffix("{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Invalid path\"}"),
                    "\(path)")
            }
            let client = MLflowTestClient(ws)
            let listing = try await TestWorkspace.send(
                .GET, ws.server.url + "/api/2.0/mlflow-artifacts/artifacts?path=1/r/artifacts/../../..",
                headers: client.headers)
            #expect(listing.json == ["error_code": "INVALID_PARAMETER_VALUE", "message": "Invalid path"])
            let enumerator = FileManager.default.enumerator(atPath: ws.directory)
            let files = (enumerator?.allObjects as? [String] ?? []).filter {
                $0.contains("escape") || $0.hasSuffix("x.txt")
            }
            #expect(files.isEmpty)
        }
    }

    @Test func pathsMustNameAnExistingRunOrModelOfTheirExperiment() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let client = MLflowTestClient(ws)
            let cases: [(String, Int, String)] = [
                ("2/r/artifacts/x.txt", 404, "Run 'r' is not in experiment 2."),
                ("1/nope/artifacts/x.txt", 404, "Run with id=nope not found"),
                ("1/r/files/x.txt", 404, "Run with id=r not found"),
                (
                    "1/r", 404,
                    "No artifact root at '1/r': artifacts live under <experiment id>/<run id>/artifacts or "
                        + "<experiment id>/models/<model id>/artifacts."
                ),
                ("1/models/m-none/artifacts/MLmodel", 404, "Logged model with ID 'm-none' not found."),
                ("1/r/artifacts", 400, "An artifact upload names a file below the artifact root."),
            ]
            for (path, status, message) in cases {
                let response = try await client.putArtifact(path, [1])
                #expect(response.status == status, "\(path): \(response.text)")
                #expect(response.mlflowMessage == message, "\(path)")
            }
        }
    }

    @Test func uploadsStreamPastTheJSONLimitAndReplaceFilesAtomically() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let client = MLflowTestClient(ws)
            var generator = SystemRandomNumberGenerator()
            let big = (0..<(6 * 1024 * 1024 + 17)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try await client.putArtifact("1/r/artifacts/model/weights.bin", big).status == 200)
            let download = try await client.getArtifact("1/r/artifacts/model/weights.bin")
            #expect(download.status == 200)
            #expect(download.header("Content-Length") == String(big.count))
            #expect(download.header("Content-Type") == "application/octet-stream")
            #expect(download.body == big)
            #expect(try await client.putArtifact("1/r/artifacts/model/weights.bin", [7]).status == 200)
            #expect(try await client.getArtifact("1/r/artifacts/model/weights.bin").body == [7])
            let staging = try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/staging/uploads")
            #expect(staging.isEmpty)

            let overFolder = try await client.putArtifact("1/r/artifacts/model", [1])
            #expect(overFolder.status == 400)
            #expect(overFolder.mlflowMessage == "Cannot store the artifact 'model': it is a folder.")
            let underFile = try await client.putArtifact("1/r/artifacts/model/weights.bin/x", [1])
            #expect(underFile.status == 400)
            #expect(
                underFile.mlflowMessage
                    == "Cannot store the artifact 'model/weights.bin/x': a folder on its path is a file.")
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/staging/uploads").isEmpty)
        }
    }

    @Test func anUploadLargerThanTheLimitLeavesNothing() async throws {
        let options = LocalWorkspaceOptions(maxBlobSize: 1_000)
        try await TestWorkspace.with(options: options) { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let client = MLflowTestClient(ws)
            let response = try await client.putArtifact("1/r/artifacts/big.bin", [UInt8](repeating: 1, count: 5_000))
            #expect(response.status == 400)
            #expect(response.mlflowMessage == "The request body is larger than the local workspace accepts.")
            #expect(!FileManager.default.fileExists(atPath: ws.directory + "/runs/r/artifacts/big.bin"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/staging/uploads").isEmpty)
        }
    }
}
