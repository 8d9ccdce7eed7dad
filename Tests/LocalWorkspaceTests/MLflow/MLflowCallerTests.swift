import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// Who may do what: the workspace token everything, a run's tracking token its own run and what it creates.
@Suite struct MLflowCallerTests {
    @Test func requestsWithoutAValidTokenGetUnauthenticated() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let cases: [(String?, String)] = [
                (
                    nil,
                    "Authentication is required: the 'Authorization' header is missing (set MLFLOW_TRACKING_TOKEN)."
                ),
                (String(repeating: "0", count: 64), "The tracking token is invalid."),
            ]
            for (token, message) in cases {
                var client = MLflowTestClient(ws)
                client.token = token
                let response = try await client.get("runs/get", [("run_id", "r")])
                #expect(response.status == 401)
                #expect(response.json == ["error_code": "UNAUTHENTICATED", "message": .string(message)])
                let upload = try await client.putArtifact("1/r/artifacts/x.txt", [1])
                #expect(upload.status == 401)
            }
            let basic = try await TestWorkspace.send(
                .GET, ws.server.url + "/api/2.0/mlflow/runs/get?run_id=r", headers: [("Authorization", "Basic abc")])
            #expect(basic.json == ["error_code": "UNAUTHENTICATED", "message": "The tracking token is invalid."])
            #expect(!FileManager.default.fileExists(atPath: ws.directory + "/runs/r/artifacts/x.txt"))
        }
    }

    @Test func aRunTokenReachesItsRunAndWhatItCreatesOnly() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "mine", experimentName: "sweep")
            try await store.createRun(runID: "theirs", experimentName: "sweep")
            let client = MLflowTestClient(ws, token: try await store.issueToken(forRun: "mine"))
            let denied = "The tracking token of run 'mine' gives no access to run 'theirs'."

            #expect(try await client.get("runs/get", [("run_id", "mine")]).status == 200)
            let read = try await client.get("runs/get", [("run_id", "theirs")])
            #expect(read.status == 403)
            #expect(read.json == ["error_code": "PERMISSION_DENIED", "message": .string(denied)])
            let write = try await client.post(
                "runs/log-metric", ["run_id": "theirs", "key": "m", "value": 1, "timestamp": 1])
            #expect(write.status == 403)
            #expect(try await client.post("runs/update", ["run_id": "theirs", "status": "FAILED"]).status == 403)
            #expect(try await client.putArtifact("1/theirs/artifacts/x.txt", [1]).status == 403)
            #expect(try await client.getArtifact("1/theirs/artifacts/x.txt").status == 403)
            #expect(try await store.metricSummaries(runID: "theirs").isEmpty)
            #expect(try await store.run(id: "theirs")?.status == .running)

            // Experiments may be read and created; runs created with the token are its own.
            #expect(try await client.get("experiments/get-by-name", [("experiment_name", "sweep")]).status == 200)
            #expect(try await client.post("experiments/create", ["name": "child"]).status == 200)
            let child = try await client.post(
                "runs/create", ["experiment_id": "1", "tags": [["key": "mlflow.parentRunId", "value": "mine"]]])
            let childID = try #require(child.json["run"]?["info"]?["run_id"]?.stringValue)
            #expect(
                try await client.post(
                    "runs/log-metric", ["run_id": .string(childID), "key": "m", "value": 1, "timestamp": 1]
                ).status == 200)
            #expect(try await client.putArtifact("1/\(childID)/artifacts/x.txt", [1]).status == 200)

            // Logged models: of its run, yes; of another run, no.
            let own = try await client.post("logged-models", ["experiment_id": "1", "source_run_id": "mine"])
            let ownID = try #require(own.json["model"]?["info"]?["model_id"]?.stringValue)
            #expect(try await client.putArtifact("1/models/\(ownID)/artifacts/MLmodel", [1]).status == 200)
            let foreign = try await client.post("logged-models", ["experiment_id": "1", "source_run_id": "theirs"])
            #expect(foreign.status == 403)
            let workspace = MLflowTestClient(ws)
            let theirModel = try await workspace.post(
                "logged-models", ["experiment_id": "1", "source_run_id": "theirs"])
            let theirModelID = try #require(theirModel.json["model"]?["info"]?["model_id"]?.stringValue)
            let hidden = try await client.get("logged-models/\(theirModelID)")
            #expect(hidden.status == 403)
            #expect(
                hidden.mlflowMessage
                    == "The tracking token of run 'mine' gives no access to logged model '\(theirModelID)'.")
            #expect(try await client.putArtifact("1/models/\(theirModelID)/artifacts/MLmodel", [1]).status == 403)
            let search = try await client.post("logged-models/search", ["experiment_ids": ["1"]])
            #expect(search.json["models"]?.arrayValue?.map { $0["info"]?["model_id"]?.stringValue } == [ownID])

            // The workspace token reaches everything; a revoked token nothing.
            #expect(try await workspace.get("runs/get", [("run_id", "theirs")]).status == 200)
            try await store.revokeTokens(forRun: "mine")
            #expect(try await client.get("runs/get", [("run_id", "mine")]).status == 401)
        }
    }

    @Test func aRunTokenIsNoARMToken() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let token = try await ws.server.mlflow.issueToken(forRun: "r")
            let response = try await ws.arm(.GET, ws.workspacePath + "/jobs", token: .some("Bearer " + token))
            #expect(response.status == 401)
            #expect(response.errorCode == "InvalidAuthenticationToken")
        }
    }
}
