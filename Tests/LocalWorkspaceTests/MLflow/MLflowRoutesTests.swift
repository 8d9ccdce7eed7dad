import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// Replays the request sequences of ../shared/reference/mlflow-protocol.md §4 (A to D) over real HTTP, checking the
/// answers the client depends on and what the store kept.
@Suite struct MLflowRoutesTests {
    /// `test-multi_logloss` of main.py, steps 0 to 15 (§TL;DR).
    static let loss = [
        0.9307, 0.7957, 0.6877, 0.5940, 0.5190, 0.4546, 0.4013, 0.3533, 0.3136, 0.2772, 0.2476, 0.2217, 0.1994,
        0.1776, 0.1608, 0.1451,
    ]
    static let key = "test-multi_logloss"
    static let start: Int64 = 1_795_922_605_078

    static func metric(step: Int, model: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "key": .string(key), "value": .double(loss[step]), "timestamp": .int(Int(start) + 100 + step),
            "step": .int(step),
        ]
        if let model { object["model_id"] = .string(model) }
        return .object(object)
    }

    static let params: [(String, String)] = [
        ("objective", "multiclass"), ("num_class", "3"), ("boosting", "gbdt"), ("num_iterations", "16"),
        ("max_leaf_nodes", "31"), ("max_depth", "-1"), ("learning_rate", "0.1"), ("min_data_in_leaf", "20"),
        ("verbose", "0"), ("num_threads", "0"), ("num_boost_round", "10"), ("keep_training_booster", "False"),
    ]

    static func keyValues(_ pairs: [(String, String)]) -> JSONValue {
        .array(pairs.map { ["key": .string($0.0), "value": .string($0.1)] })
    }

    static let datasets: JSONValue = [
        [
            "tags": [["key": "mlflow.data.context", "value": "train"]],
            "dataset": [
                "name": "dataset", "digest": "3bc1e4bd", "source_type": "code",
                "source": "{\"mlflow.source.name\": \"main.py\"}", "schema": "{\"mlflow_colspec\": []}",
                "profile": "{\"num_rows\": 120}",
            ],
        ],
        [
            "tags": [["key": "mlflow.data.context", "value": "eval"]],
            "dataset": ["name": "test", "digest": "9f00aa12", "source_type": "code", "source": "{}"],
        ],
    ]

    /// The data points of `runs/get`'s `data.metrics`, by key.
    static func latest(_ run: JSONValue) -> [String: JSONValue] {
        var metrics: [String: JSONValue] = [:]
        for metric in run["data"]?["metrics"]?.arrayValue ?? [] { metrics[metric["key"]!.stringValue!] = metric }
        return metrics
    }

    /// The `[{key, value}]` list at `path` as a dictionary.
    static func pairs(_ value: JSONValue?) -> [String: String] {
        var pairs: [String: String] = [:]
        for entry in value?.arrayValue ?? [] { pairs[entry["key"]!.stringValue!] = entry["value"]!.stringValue! }
        return pairs
    }

    // MARK: A. mlflow-skinny 3.17.2 with MLFLOW_RUN_ID preseeded

    @Test func sequenceAResumesAPreseededRunAndLogsAModel() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            let runID = "lucid_pear_7xk2m9"
            let run = try await store.createRun(
                runID: runID, experimentName: "lightgbm-iris-example", runName: "job-from-runner")
            let token = try await store.issueToken(forRun: runID)
            let client = MLflowTestClient(ws, token: token)
            let events = store.metricEvents.subscribe(runID: runID)

            let resumed = try await client.get("runs/get", [("run_uuid", runID), ("run_id", runID)])
            #expect(resumed.status == 200)
            #expect(resumed.header("Content-Type") == "application/json; charset=utf-8")
            let info = try #require(resumed.json["run"]?["info"])
            #expect(
                info
                    == [
                        "run_id": .string(runID), "run_uuid": .string(runID), "run_name": "job-from-runner",
                        "experiment_id": "1", "user_id": "local-user", "status": "RUNNING",
                        "start_time": .int(Int(run.startTime)),
                        "artifact_uri": .string("mlflow-artifacts:/1/\(runID)/artifacts"),
                        "lifecycle_stage": "active",
                    ])
            #expect(resumed.json["run"]?["data"] == ["tags": [["key": "mlflow.runName", "value": "job-from-runner"]]])
            #expect(resumed.json["run"]?["inputs"] == [:])
            #expect(resumed.json["run"]?["outputs"] == [:])

            let update = try await client.post(
                "runs/update", ["run_uuid": .string(runID), "run_id": .string(runID), "status": "RUNNING"])
            #expect(update.status == 200)
            #expect(update.json["run_info"]?["status"] == "RUNNING")
            #expect(update.json["run_info"]?["end_time"] == nil)

            let autologTag = try await client.post(
                "runs/log-batch",
                ["run_id": .string(runID), "tags": [["key": "mlflow.autologging", "value": "lightgbm"]]])
            #expect(autologTag.status == 200)
            #expect(autologTag.json == [:])
            #expect(try await client.get("runs/get", [("run_id", runID)]).status == 200)
            let params = try await client.post(
                "runs/log-batch", ["run_id": .string(runID), "params": Self.keyValues(Self.params)])
            #expect(params.status == 200)
            let inputs = try await client.post(
                "runs/log-inputs", ["run_id": .string(runID), "datasets": Self.datasets])
            #expect(inputs.status == 200)

            let created = try await client.post(
                "logged-models",
                [
                    "experiment_id": "1", "name": "model", "source_run_id": .string(runID),
                    "tags": [
                        ["key": "mlflow.user", "value": "root"], ["key": "mlflow.source.name", "value": "main.py"],
                        ["key": "mlflow.source.type", "value": "LOCAL"],
                    ],
                ])
            #expect(created.status == 200)
            let modelInfo = try #require(created.json["model"]?["info"])
            let modelID = try #require(modelInfo["model_id"]?.stringValue)
            #expect(modelID.hasPrefix("m-") && modelID.count == 34)
            #expect(modelInfo["artifact_uri"]?.stringValue == "mlflow-artifacts:/1/models/\(modelID)/artifacts")
            #expect(modelInfo["status"] == "LOGGED_MODEL_PENDING")
            #expect(modelInfo["source_run_id"]?.stringValue == runID)
            #expect(modelInfo["experiment_id"] == "1")
            #expect(modelInfo["name"] == "model")
            #expect(Self.pairs(modelInfo["tags"])["mlflow.source.type"] == "LOCAL")

            let first = try await client.post(
                "runs/log-batch", ["run_id": .string(runID), "metrics": [Self.metric(step: 0, model: modelID)]])
            #expect(first.status == 200)
            let rest = try await client.post(
                "runs/log-batch",
                ["run_id": .string(runID), "metrics": .array((1...15).map { Self.metric(step: $0, model: modelID) })])
            #expect(rest.status == 200)
            let beforeUpload = try await client.get("runs/get", [("run_uuid", runID), ("run_id", runID)])
            let artifactURI = try #require(beforeUpload.json["run"]?["info"]?["artifact_uri"]?.stringValue)
            let runRoot = String(artifactURI.dropFirst("mlflow-artifacts:/".count))

            var runFiles: [String: [UInt8]] = [:]
            for name in [
                "feature_importance_split.png", "feature_importance_split.json", "feature_importance_gain.png",
                "feature_importance_gain.json",
            ] {
                let bytes = Array("\(name) \(String(repeating: "x", count: name.count * 37))".utf8)
                runFiles[name] = bytes
                let put = try await client.putArtifact(
                    runRoot + "/" + name, bytes, contentType: name.hasSuffix(".png") ? "image/png" : "text/plain")
                #expect(put.status == 200, "\(name): \(put.text)")
            }
            #expect(try await client.get("logged-models/\(modelID)").status == 200)
            let outputs = try await client.post(
                "runs/outputs", ["run_id": .string(runID), "models": [["model_id": .string(modelID), "step": 0]]])
            #expect(outputs.status == 200)
            #expect(try await client.get("runs/get", [("run_uuid", runID), ("run_id", runID)]).status == 200)

            let history = try await client.get(
                "metrics/get-history", [("run_id", runID), ("metric_key", Self.key), ("max_results", "25")])
            #expect(history.status == 200)
            let points = try #require(history.json["metrics"]?.arrayValue)
            #expect(points.count == 16)
            #expect(points.map { $0["step"]?.intValue } == (0...15).map { $0 })
            #expect(points.allSatisfy { $0["model_id"]?.stringValue == modelID })
            #expect(history.json["next_page_token"] == nil)
            // The client re-sends the step-0 rows with the model id; they are stored once.
            let resent = try await client.post(
                "runs/log-batch", ["run_id": .string(runID), "metrics": [Self.metric(step: 0, model: modelID)]])
            #expect(resent.status == 200)

            let model = try await client.get("logged-models/\(modelID)")
            let modelRoot = String(
                try #require(model.json["model"]?["info"]?["artifact_uri"]?.stringValue).dropFirst(
                    "mlflow-artifacts:/".count))
            var modelFiles: [String: [UInt8]] = [:]
            for name in ["requirements.txt", "MLmodel", "python_env.yaml", "model.lgb", "conda.yaml"] {
                let bytes = Array("contents of \(name)\n".utf8)
                modelFiles[name] = bytes
                #expect(try await client.putArtifact(modelRoot + "/" + name, bytes).status == 200)
            }
            let finalized = try await client.send(
                .PATCH, "logged-models/\(modelID)", ["model_id": .string(modelID), "status": "LOGGED_MODEL_READY"])
            #expect(finalized.status == 200)
            #expect(finalized.json["model"]?["info"]?["status"] == "LOGGED_MODEL_READY")
            let modelMetrics = try #require(finalized.json["model"]?["data"]?["metrics"]?.arrayValue)
            #expect(modelMetrics.count == 16)

            #expect(try await client.get("runs/get", [("run_uuid", runID), ("run_id", runID)]).status == 200)
            let endTime = Int(Self.start) + 9_000
            let finished = try await client.post(
                "runs/update",
                ["run_uuid": .string(runID), "run_id": .string(runID), "status": "FINISHED", "end_time": .int(endTime)])
            #expect(finished.json["run_info"]?["status"] == "FINISHED")
            #expect(finished.json["run_info"]?["end_time"]?.intValue == endTime)

            // What the client sees at the end.
            let final = try await client.get("runs/get", [("run_id", runID)])
            let runJSON = try #require(final.json["run"])
            #expect(
                Self.latest(runJSON)[Self.key]
                    == [
                        "key": .string(Self.key), "value": 0.1451, "timestamp": .int(Int(Self.start) + 115),
                        "step": 15,
                    ])
            let storedParams = try #require(runJSON["data"]?["params"]?.arrayValue)
            #expect(storedParams.count == 12)
            #expect(storedParams.allSatisfy { $0["value"]?.stringValue != nil })
            #expect(Self.pairs(runJSON["data"]?["params"])["keep_training_booster"] == "False")
            #expect(
                Self.pairs(runJSON["data"]?["tags"]) == [
                    "mlflow.runName": "job-from-runner", "mlflow.autologging": "lightgbm",
                ])
            let datasetInputs = try #require(runJSON["inputs"]?["dataset_inputs"]?.arrayValue)
            #expect(datasetInputs.count == 2)
            #expect(datasetInputs.first == Self.datasets.arrayValue?.first)
            #expect(runJSON["outputs"] == ["model_outputs": [["model_id": .string(modelID), "step": 0]]])

            // What the runner reads.
            #expect(try await store.run(id: runID)?.status == .finished)
            #expect(try await store.run(id: runID)?.endTime == Int64(endTime))
            let summary = try #require(try await store.metricSummaries(runID: runID).first)
            #expect(summary.key == Self.key)
            #expect(summary.latest.value == 0.1451 && summary.latest.step == 15)
            #expect(summary.minimum == 0.1451 && summary.maximum == 0.9307 && summary.count == 16)
            #expect(try await store.params(runID: runID).count == 12)
            store.metricEvents.finish()
            let received = await MLflowStoreTests.collect(events)
            #expect(received.map(\.step) == Array(0...15))
            #expect(received.last?.value == 0.1451)

            // The artifacts, listed, downloaded and on disk.
            let listed = try await client.listArtifacts(runRoot)
            #expect(listed == runFiles.mapValues { $0.count })
            for (name, bytes) in runFiles {
                let download = try await client.getArtifact(runRoot + "/" + name)
                #expect(download.status == 200)
                #expect(download.body == bytes)
                #expect(
                    FileManager.default.contents(atPath: ws.directory + "/runs/\(runID)/artifacts/\(name)")
                        == Data(bytes))
            }
            #expect(
                try await client.getArtifact(runRoot + "/feature_importance_gain.png").header("Content-Type")
                    == "image/png")
            #expect(try await client.listArtifacts(modelRoot) == modelFiles.mapValues { $0.count })
            #expect(try await client.getArtifact(modelRoot + "/model.lgb").body == modelFiles["model.lgb"])
            #expect(
                FileManager.default.contents(atPath: ws.directory + "/mlflow/models/\(modelID)/artifacts/MLmodel")
                    == Data(modelFiles["MLmodel"]!))
            _ = run
        }
    }

    // MARK: B. Without MLFLOW_RUN_ID

    @Test func sequenceBCreatesTheExperimentAndARunWithAnInventedName() async throws {
        try await TestWorkspace.with { ws in
            let client = MLflowTestClient(ws)
            let lookup = try await client.get("experiments/get-by-name", [("experiment_name", "lightgbm iris+x")])
            #expect(lookup.status == 404)
            #expect(
                lookup.json
                    == [
                        "error_code": "RESOURCE_DOES_NOT_EXIST",
                        "message": "Could not find experiment with name 'lightgbm iris+x'",
                    ])
            let created = try await client.post("experiments/create", ["name": "lightgbm iris+x"])
            #expect(created.status == 200)
            #expect(created.json == ["experiment_id": "1"])
            let again = try await client.post("experiments/create", ["name": "lightgbm iris+x"])
            #expect(again.status == 400)
            #expect(
                again.json
                    == [
                        "error_code": "RESOURCE_ALREADY_EXISTS",
                        "message": "Experiment 'lightgbm iris+x' already exists.",
                    ])
            let found = try await client.get("experiments/get-by-name", [("experiment_name", "lightgbm iris+x")])
            let experiment = try #require(found.json["experiment"])
            #expect(experiment["experiment_id"] == "1")
            #expect(experiment["name"] == "lightgbm iris+x")
            #expect(experiment["artifact_location"] == "mlflow-artifacts:/1")
            #expect(experiment["lifecycle_stage"] == "active")
            #expect(experiment["creation_time"]?.intValue != nil)

            let tags: JSONValue = [
                ["key": "mlflow.user", "value": "root"], ["key": "mlflow.source.name", "value": "/path/main.py"],
                ["key": "mlflow.source.type", "value": "LOCAL"], ["key": "mlflow.autologging", "value": "lightgbm"],
            ]
            let run = try await client.post(
                "runs/create",
                ["experiment_id": "1", "user_id": "root", "start_time": .int(Int(Self.start)), "tags": tags])
            #expect(run.status == 200)
            let info = try #require(run.json["run"]?["info"])
            let runID = try #require(info["run_id"]?.stringValue)
            #expect(runID.count == 32 && runID.allSatisfy(\.isHexDigit))
            #expect(info["run_uuid"]?.stringValue == runID)
            let name = try #require(info["run_name"]?.stringValue)
            #expect(name.split(separator: "-").count == 3)
            #expect(info["user_id"] == "root")
            #expect(info["start_time"]?.intValue == Int(Self.start))
            #expect(info["status"] == "RUNNING")
            #expect(info["artifact_uri"]?.stringValue == "mlflow-artifacts:/1/\(runID)/artifacts")
            let runTags = Self.pairs(run.json["run"]?["data"]?["tags"])
            #expect(runTags["mlflow.runName"] == name)
            #expect(runTags["mlflow.source.name"] == "/path/main.py")
            #expect(runTags.count == 5)

            let batch = try await client.post(
                "runs/log-batch", ["run_id": .string(runID), "metrics": .array((0...15).map { Self.metric(step: $0) })])
            #expect(batch.status == 200)
            let finished = try await client.post("runs/update", ["run_id": .string(runID), "status": "FINISHED"])
            #expect(finished.json["run_info"]?["status"] == "FINISHED")

            // With neither variable set, the client uses experiment 0 without a lookup.
            let inDefault = try await client.post(
                "runs/create", ["user_id": "root", "start_time": .int(Int(Self.start))])
            #expect(inDefault.json["run"]?["info"]?["experiment_id"] == "0")
            #expect(
                try await client.get("experiments/get", [("experiment_id", "0")]).json["experiment"]?["name"]
                    == "Default")
            let explicitName = try await client.post("runs/create", ["experiment_id": "0", "run_name": "mine"])
            #expect(explicitName.json["run"]?["info"]?["run_name"] == "mine")
            #expect(Self.pairs(explicitName.json["run"]?["data"]?["tags"]) == ["mlflow.runName": "mine"])
            let missing = try await client.post("runs/create", ["experiment_id": "7"])
            #expect(missing.status == 404)
            #expect(
                missing.json == ["error_code": "RESOURCE_DOES_NOT_EXIST", "message": "No Experiment with id=7 exists"])
        }
    }

    // MARK: C. mlflow-skinny 2.22.5

    @Test func sequenceCLogsTheModelUnderTheRunAndRecordsLogModel() async throws {
        try await TestWorkspace.with { ws in
            let runID = "old_client_run"
            try await ws.server.mlflow.createRun(runID: runID, experimentName: "lightgbm-iris-example")
            let client = MLflowTestClient(ws, token: try await ws.server.mlflow.issueToken(forRun: runID))
            #expect(try await client.get("runs/get", [("run_uuid", runID), ("run_id", runID)]).status == 200)
            #expect(
                try await client.post(
                    "runs/update", ["run_uuid": .string(runID), "run_id": .string(runID), "status": "RUNNING"]
                )
                .status == 200)
            #expect(
                try await client.post(
                    "runs/log-batch",
                    ["run_id": .string(runID), "metrics": .array((0...15).map { Self.metric(step: $0) })]
                ).status == 200)
            let root = "1/\(runID)/artifacts"
            for name in ["MLmodel", "model.lgb", "conda.yaml", "python_env.yaml", "requirements.txt"] {
                #expect(try await client.putArtifact(root + "/model/" + name, Array(name.utf8)).status == 200)
            }
            let modelJSON: JSONValue = [
                "run_id": .string(runID), "artifact_path": "model", "utc_time_created": "2026-11-29 10:00:00.000000",
                "flavors": [
                    "lightgbm": ["lgb_version": "4.7.0"], "python_function": ["loader_module": "mlflow.lightgbm"],
                ],
            ]
            let logged = try await client.post(
                "runs/log-model", ["run_id": .string(runID), "model_json": .string(modelJSON.serialized())])
            #expect(logged.status == 200)
            #expect(logged.json == [:])
            let again = try await client.post(
                "runs/log-model", ["run_id": .string(runID), "model_json": .string(modelJSON.serialized())])
            #expect(again.status == 200)
            let bad = try await client.post(
                "runs/log-model", ["run_id": .string(runID), "model_json": "{\"run_id\": 1}"])
            #expect(bad.status == 400)
            #expect(
                bad.json
                    == [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": .string(
                            "Model json is missing mandatory fields: 'artifact_path', 'flavors', "
                                + "'utc_time_created'."),
                    ])
            #expect(
                try await client.post("runs/update", ["run_id": .string(runID), "status": "FINISHED", "end_time": 5])
                    .status == 200)

            let run = try await client.get("runs/get", [("run_id", runID)])
            let history = try #require(Self.pairs(run.json["run"]?["data"]?["tags"])["mlflow.log-model.history"])
            #expect(try JSONValue(parsing: history) == .array([modelJSON, modelJSON]))
            #expect(try await client.listArtifacts(root) == ["model/": nil])
            #expect(
                try await client.listArtifacts(root + "/model").keys.sorted() == [
                    "MLmodel", "conda.yaml", "model.lgb", "python_env.yaml", "requirements.txt",
                ])
            let point = try #require(Self.latest(run.json["run"]!)[Self.key])
            #expect(point["value"] == 0.1451)
            let historyPoints = try await client.get(
                "metrics/get-history", [("run_id", runID), ("metric_key", Self.key)])
            #expect(historyPoints.json["metrics"]?.arrayValue?.allSatisfy { $0["model_id"] == nil } == true)
        }
    }

    // MARK: D. The explicit API

    @Test func sequenceDExplicitCallsWithNaNAndInfinity() async throws {
        try await TestWorkspace.with { ws in
            let runID = "explicit-1"
            try await ws.server.mlflow.createRun(runID: runID, experimentName: "explicit")
            let client = MLflowTestClient(ws, token: try await ws.server.mlflow.issueToken(forRun: runID))
            let id: JSONValue = .string(runID)
            #expect(
                try await client.post(
                    "runs/log-parameter", ["run_uuid": id, "run_id": id, "key": "alpha", "value": "0.5"]
                )
                .status == 200)
            #expect(try await client.post("runs/log-parameter", ["run_id": id, "key": "empty"]).status == 200)
            let changed = try await client.post("runs/log-parameter", ["run_id": id, "key": "alpha", "value": "0.7"])
            #expect(changed.status == 400)
            #expect(changed.mlflowErrorCode == "INVALID_PARAMETER_VALUE")
            #expect(
                try await client.post(
                    "runs/log-batch",
                    ["run_id": id, "params": [["key": "beta", "value": "2"], ["key": "alpha", "value": "0.5"]]]
                ).status == 200)
            for (step, value) in [
                (0, JSONValue.double(1.5)), (1, "NaN"), (2, "Infinity"), (3, "-Infinity"), (4, .int(2)),
            ] {
                let logged = try await client.post(
                    "runs/log-metric",
                    [
                        "run_uuid": id, "run_id": id, "key": "m", "value": value, "timestamp": .int(1_000 + step),
                        "step": .int(step),
                    ])
                #expect(logged.status == 200, "\(value)")
            }
            #expect(
                try await client.post(
                    "runs/log-batch",
                    [
                        "run_id": id,
                        "metrics": [
                            ["key": "n", "value": "NaN", "timestamp": "7"],
                            ["key": "n", "value": "NaN", "timestamp": 7],
                        ],
                    ]
                ).status == 200)
            #expect(
                try await client.post("runs/set-tag", ["run_uuid": id, "run_id": id, "key": "team", "value": "ml"])
                    .status == 200)
            #expect(try await client.post("runs/set-tag", ["run_id": id, "key": "gone", "value": "x"]).status == 200)
            #expect(try await client.post("runs/delete-tag", ["run_id": id, "key": "gone"]).status == 200)
            let noTag = try await client.post("runs/delete-tag", ["run_id": id, "key": "gone"])
            #expect(
                noTag.json == [
                    "error_code": "RESOURCE_DOES_NOT_EXIST",
                    "message": "No tag with name: gone in run with id explicit-1",
                ])

            let history = try await client.get("metrics/get-history", [("run_uuid", runID), ("metric_key", "m")])
            #expect(
                history.json["metrics"]?.arrayValue?.map { $0["value"] ?? .null } == [
                    1.5, "NaN", "Infinity", "-Infinity", 2.0,
                ])
            #expect(history.text.contains("\"value\":\"NaN\""))
            let nan = try await client.get("metrics/get-history", [("run_id", runID), ("metric_key", "n")])
            #expect(nan.json["metrics"] == [["key": "n", "value": "NaN", "timestamp": 7, "step": 0, "run_id": id]])
            let paged = try await client.get(
                "metrics/get-history", [("run_id", runID), ("metric_key", "m"), ("max_results", "2")])
            #expect(paged.json["metrics"]?.arrayValue?.count == 2)
            let token = try #require(paged.json["next_page_token"]?.stringValue)
            let page2 = try await client.get(
                "metrics/get-history",
                [("run_id", runID), ("metric_key", "m"), ("max_results", "2"), ("page_token", token)])
            #expect(page2.json["metrics"]?.arrayValue?.map { $0["step"]?.intValue } == [2, 3])

            let run = try await client.get("runs/get", [("run_id", runID)])
            let data = try #require(run.json["run"]?["data"])
            #expect(Self.pairs(data["params"]) == ["alpha": "0.5", "beta": "2", "empty": ""])
            #expect(Self.pairs(data["tags"]) == ["mlflow.runName": runID, "team": "ml"])
            #expect(Self.latest(run.json["run"]!)["m"] == ["key": "m", "value": 2.0, "timestamp": 1_004, "step": 4])

            let root = "1/\(runID)/artifacts"
            for path in [
                "notes/hello.txt", "plots/line.png", "outdir/x.txt", "outdir/deeper/y.txt", "with%20space%2Bplus.txt",
            ] {
                #expect(try await client.putArtifact(root + "/" + path, Array(path.utf8)).status == 200, "\(path)")
            }
            #expect(
                try await client.listArtifacts(root) == [
                    "notes/": nil, "plots/": nil, "outdir/": nil, "with space+plus.txt": 23,
                ])
            #expect(try await client.listArtifacts(root + "/outdir") == ["x.txt": 12, "deeper/": nil])
            #expect(try await client.getArtifact(root + "/outdir/deeper/y.txt").text == "outdir/deeper/y.txt")
            #expect(
                try await client.getArtifact(root + "/notes/hello.txt").header("Content-Type")
                    == "text/plain; charset=utf-8")
            #expect(
                FileManager.default.fileExists(atPath: ws.directory + "/runs/\(runID)/artifacts/with space+plus.txt"))
            let missing = try await client.getArtifact(root + "/notes/none.txt")
            #expect(missing.status == 404)
            #expect(
                missing.json
                    == [
                        "error_code": "RESOURCE_DOES_NOT_EXIST",
                        "message": "The run 'explicit-1' has no artifact file 'notes/none.txt'.",
                    ])
            #expect(try await client.getArtifact(root + "/notes").status == 404)
            #expect(try await client.listArtifacts(root + "/nothing-here").isEmpty)

            // mlflow.set_experiment: get-by-name, create, get.
            #expect(try await client.get("experiments/get-by-name", [("experiment_name", "other")]).status == 404)
            let created = try await client.post(
                "experiments/create", ["name": "other", "tags": [["key": "k", "value": "v"]]])
            let experimentID = try #require(created.json["experiment_id"]?.stringValue)
            let experiment = try await client.get("experiments/get", [("experiment_id", experimentID)])
            #expect(experiment.json["experiment"]?["name"] == "other")
            #expect(experiment.json["experiment"]?["tags"] == [["key": "k", "value": "v"]])
        }
    }
}

extension MLflowRoutesTests {
    // MARK: Errors

    @Test func errorsAreMLflowJSONWithoutRetryableStatuses() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "x", experimentName: "e")
            let client = MLflowTestClient(ws)
            let cases: [(TestResponse, Int, JSONValue)] = [
                (
                    try await client.get("runs/get", [("run_id", "nope")]), 404,
                    ["error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Run with id=nope not found"]
                ),
                (
                    try await client.get("runs/get"), 400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": "Missing value for required parameter 'run_id'.",
                    ]
                ),
                (
                    try await client.get("experiments/get", [("experiment_id", "42")]), 404,
                    ["error_code": "RESOURCE_DOES_NOT_EXIST", "message": "No Experiment with id=42 exists"]
                ),
                (
                    try await client.get("logged-models/m-0000"), 404,
                    ["error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Logged model with ID 'm-0000' not found."]
                ),
                (
                    try await client.get("runs/search"), 404,
                    [
                        "error_code": "ENDPOINT_NOT_FOUND",
                        "message": "The local workspace serves no such MLflow endpoint.",
                    ]
                ),
                (
                    try await client.post("runs/get", [:]), 404,
                    [
                        "error_code": "ENDPOINT_NOT_FOUND",
                        "message": "The local workspace serves no such MLflow endpoint.",
                    ]
                ),
                (
                    try await TestWorkspace.send(
                        .GET, ws.server.url + "/api/3.0/mlflow/server-info", headers: client.headers), 404,
                    [
                        "error_code": "ENDPOINT_NOT_FOUND",
                        "message": "The local workspace serves no such MLflow endpoint.",
                    ]
                ),
                (
                    try await client.post("runs/log-batch", ["run_id": "x", "metrics": [["key": "m", "value": 1]]]),
                    400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": "Missing value for required parameter 'metrics[0].timestamp'.",
                    ]
                ),
                (
                    try await client.post(
                        "runs/log-batch", ["run_id": "x", "metrics": [["key": "m", "value": "abc", "timestamp": 1]]]),
                    400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message":
                            "Invalid value \"abc\" for parameter 'metrics[0].value' supplied: expected a number.",
                    ]
                ),
                (
                    try await client.post("runs/log-parameter", ["run_id": "x", "key": "k", "value": 3]), 400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": "Invalid value 3 for parameter 'value' supplied: expected a string.",
                    ]
                ),
                (
                    try await client.post("runs/set-tag", ["run_id": "x", "key": "../up", "value": "v"]), 400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": .string(
                            "Invalid tag name: '../up'. Names may be treated as files in certain cases, and "
                                + "must not resolve to other names when treated as such."),
                    ]
                ),
                (
                    try await client.post("runs/update", ["run_id": "x", "status": "DONE"]), 400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message": .string(
                            "Invalid value \"DONE\" for parameter 'status' supplied: expected one of RUNNING, "
                                + "SCHEDULED, FINISHED, FAILED, KILLED."),
                    ]
                ),
                (
                    try await client.get(
                        "metrics/get-history", [("run_id", "x"), ("metric_key", "m"), ("max_results", "0")]),
                    400,
                    [
                        "error_code": "INVALID_PARAMETER_VALUE",
                        "message":
                            "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer.",
                    ]
                ),
            ]
            for (response, status, body) in cases {
                #expect(response.status == status, "\(response.text)")
                #expect(response.json == body)
            }
            let malformed = try await TestWorkspace.send(
                .POST, ws.server.url + "/api/2.0/mlflow/runs/log-batch", body: Array("{\"run_id\": ".utf8),
                headers: client.headers)
            #expect(malformed.status == 400)
            #expect(malformed.mlflowErrorCode == "INVALID_PARAMETER_VALUE")
            #expect(malformed.mlflowMessage?.hasPrefix("Malformed request body: the body is not JSON: ") == true)
            let array = try await client.post("runs/log-batch", [1, 2])
            #expect(array.mlflowMessage == "Malformed request body: expected a JSON object, found array.")
        }
    }

    @Test func batchLimitsAreMLflows() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let client = MLflowTestClient(ws)
            let thousand = JSONValue.array(
                (0..<1_000).map { ["key": "m", "value": .double(Double($0)), "timestamp": 1, "step": .int($0)] })
            #expect(try await client.post("runs/log-batch", ["run_id": "r", "metrics": thousand]).status == 200)
            #expect(try await ws.server.mlflow.metricSummaries(runID: "r").first?.count == 1_000)
            let tooMany = try await client.post(
                "runs/log-batch",
                ["run_id": "r", "metrics": .array(thousand.arrayValue! + [["key": "m", "value": 1, "timestamp": 2]])])
            #expect(tooMany.status == 400)
            #expect(
                tooMany.mlflowMessage
                    == "A batch logging request can contain at most 1000 metrics, got 1001. Log them in several batches."
            )
        }
    }

    @Test func theAjaxPrefixServesTheSameAPI() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            var client = MLflowTestClient(ws)
            client.apiRoot = "ajax-api"
            #expect(try await client.get("runs/get", [("run_id", "r")]).json["run"]?["info"]?["run_id"] == "r")
            #expect(try await client.putArtifact("1/r/artifacts/a.txt", [1, 2, 3]).status == 200)
            #expect(try await client.listArtifacts("1/r/artifacts") == ["a.txt": 3])
        }
    }

    @Test func healthNeedsNoToken() async throws {
        try await TestWorkspace.with { ws in
            let response = try await TestWorkspace.send(.GET, ws.server.url + "/health")
            #expect(response.status == 200)
            #expect(response.text == "OK")
        }
    }

    @Test func searchFindsLoggedModelsByExperiment() async throws {
        try await TestWorkspace.with { ws in
            try await ws.server.mlflow.createRun(runID: "r", experimentName: "e")
            let client = MLflowTestClient(ws)
            var ids: [String] = []
            for name in ["a", "b", "c"] {
                let created = try await client.post("logged-models", ["experiment_id": "1", "name": .string(name)])
                ids.append(try #require(created.json["model"]?["info"]?["model_id"]?.stringValue))
            }
            let first = try await client.post("logged-models/search", ["experiment_ids": ["1"], "max_results": 2])
            let names = first.json["models"]?.arrayValue?.map { $0["info"]?["name"]?.stringValue }
            #expect(names == ["c", "b"])
            let token = try #require(first.json["next_page_token"]?.stringValue)
            let second = try await client.post(
                "logged-models/search", ["experiment_ids": ["1"], "max_results": 2, "page_token": .string(token)])
            #expect(second.json["models"]?.arrayValue?.map { $0["info"]?["name"]?.stringValue } == ["a"])
            #expect(second.json["next_page_token"] == nil)
            #expect(try await client.post("logged-models/search", ["experiment_ids": ["0"]]).json == [:])
            let filtered = try await client.post(
                "logged-models/search", ["experiment_ids": ["1"], "filter": "name = 'a' AND source_run_id != 'x'"])
            #expect(filtered.json["models"]?.arrayValue?.map { $0["info"]?["model_id"]?.stringValue } == [ids[0]])
            let ordered = try await client.post(
                "logged-models/search", ["experiment_ids": ["1"], "order_by": [["field_name": "name"]]])
            #expect(ordered.status == 400)
            #expect(
                ordered.mlflowMessage
                    == "The local workspace searches logged models by experiment and filter only; 'order_by' is not "
                    + "supported.")
            let failed = try await client.send(
                .PATCH, "logged-models/\(ids[0])", ["model_id": .string(ids[0]), "status": 3])
            #expect(failed.json["model"]?["info"]?["status"] == "LOGGED_MODEL_UPLOAD_FAILED")
        }
    }
}
