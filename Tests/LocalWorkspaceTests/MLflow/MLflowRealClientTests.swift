import AzureML
import Foundation
import Testing

@testable import LocalWorkspace

/// The real `mlflow` Python client against the server: a script logs params, metrics (NaN and infinity
/// included), a tag and artifacts, reads them back, and, with lightgbm importable, trains under
/// `mlflow.lightgbm.autolog()`. It runs when a Python with mlflow is found: `DEPLOY_TEST_PYTHON`, else `python3`
/// if it imports mlflow, else (only with `DEPLOY_TEST_PIP=1`, so default runs stay offline) a virtual environment
/// created in the test's temporary folder with `pip install mlflow-skinny lightgbm pandas scikit-learn
/// matplotlib` (what autologging lightgbm needs, as ../shared/reference/mlflow-protocol.md §1 installs). Otherwise it is skipped, and
/// says why.
@Suite struct MLflowRealClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mlflow/client_script.py").path

    /// Whether a Python with mlflow can be had; prints why not.
    static func available() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["DEPLOY_TEST_PYTHON"] != nil || environment["DEPLOY_TEST_PIP"] == "1" { return true }
        if let result = try? run(["python3", "-c", "import mlflow"], timeout: 60), result.status == 0 { return true }
        print(
            "MLflowRealClientTests skipped: python3 cannot import mlflow. Set DEPLOY_TEST_PIP=1 to pip install "
                + "mlflow-skinny into a temporary virtual environment, or DEPLOY_TEST_PYTHON to a Python that has it.")
        return false
    }

    /// The interpreter to use, creating a virtual environment under `directory` when asked to.
    static func python(in directory: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let python = environment["DEPLOY_TEST_PYTHON"] { return python }
        if let result = try? run(["python3", "-c", "import mlflow"], timeout: 60), result.status == 0 {
            return "python3"
        }
        let venv = directory + "/venv"
        let created = try run(["python3", "-m", "venv", venv], timeout: 300)
        guard created.status == 0 else { throw TestFailure("python3 -m venv failed: \(created.output)") }
        let installed = try run(
            [
                venv + "/bin/pip", "install", "--quiet", "--disable-pip-version-check", "mlflow-skinny", "lightgbm",
                "pandas", "scikit-learn", "matplotlib",
            ],
            timeout: 1_800)
        guard installed.status == 0 else { throw TestFailure("pip install failed: \(installed.output)") }
        return venv + "/bin/python"
    }

    /// Runs a command to completion (killing it after `timeout` seconds), with stdout and stderr in one file.
    static func run(_ arguments: [String], environment: [String: String]? = nil, timeout: Double) throws
        -> (status: Int32, output: String)
    {
        let outputPath = NSTemporaryDirectory() + "deploy-mlflow-client-" + UUID().uuidString + ".log"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = output
        process.standardError = output
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            done.wait()
        }
        try output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    /// `run`, off the cooperative pool (it blocks while the server, in this process, answers the script).
    static func runDetached(_ arguments: [String], environment: [String: String], timeout: Double) async throws
        -> (status: Int32, output: String)
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try run(arguments, environment: environment, timeout: timeout) })
            }.start()
        }
    }

    /// Runs the client script in `mode`; fails on a non-zero exit, a traceback or an autologging error, and
    /// returns the `RESULT` JSON it printed.
    static func script(_ mode: String, python: String, environment: [String: String]) async throws -> JSONValue {
        let result = try await runDetached([python, script, mode], environment: environment, timeout: 600)
        let output = result.output.split(separator: "\n").filter { !$0.hasPrefix("[LightGBM]") }.joined(separator: "\n")
        print("MLflowRealClientTests: the \(mode) script said:\n\(output)")
        #expect(result.status == 0)
        #expect(!output.contains("Traceback"))
        #expect(!output.contains("Encountered unexpected error"))
        #expect(!output.contains("Failed to"))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("RESULT ") })
        return try JSONValue(parsing: String(line.dropFirst("RESULT ".count)))
    }

    @Test(.enabled(if: available(), "needs a Python with mlflow (see the suite's documentation)"))
    func theRealClientLogsToAPreseededRun() async throws {
        try await TestWorkspace.with { ws in
            let python = try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try Self.python(in: ws.directory) }) }.start()
            }
            let store = ws.server.mlflow
            let runID = "quiet_fox_1a2b3c"
            let run = try await store.createRun(runID: runID, experimentName: "real-client", runName: "real client")
            let token = try await store.issueToken(forRun: runID)
            var environment = ProcessInfo.processInfo.environment
            environment["MLFLOW_TRACKING_URI"] = ws.server.url
            environment["MLFLOW_RUN_ID"] = runID
            environment["MLFLOW_EXPERIMENT_NAME"] = "real-client"
            environment["MLFLOW_TRACKING_TOKEN"] = token
            environment["MLFLOW_DISABLE_TELEMETRY"] = "true"
            environment["DO_NOT_TRACK"] = "true"
            environment["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
            environment["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "60"
            environment["OMP_NUM_THREADS"] = "1"
            environment["AUTOLOG"] = "1"
            environment["HOME"] = ws.directory
            let events = store.metricEvents.subscribe(runID: runID)

            // First as main.py runs under Azure ML: autologging resumes the run; then the explicit API, again in
            // the run (the client consumes MLFLOW_RUN_ID at its first start_run, so each is its own process).
            let autolog = try await Self.script("autolog", python: python, environment: environment)
            let report = try await Self.script("explicit", python: python, environment: environment)

            // What the client read back through the server.
            #expect(report["resumed_run_id"]?.stringValue == runID)
            #expect(report["artifact_uri"]?.stringValue == run.artifactURI)
            #expect(report["history"] == [[0, 1.5], [1, nil], [2, 0.25]])
            #expect(report["latest"] == ["loss": 0.25, "acc": 0.9, "inf": .double(.infinity)])
            #expect(report["params"] == ["alpha": "0.5", "beta": "2", "gamma": "g"])
            // Autologging adds its plots, and mlflow 2 the model folder.
            var plots: [JSONValue] = []
            if autolog["autolog"] == "ran" {
                plots = [
                    "feature_importance_gain.json", "feature_importance_gain.png", "feature_importance_split.json",
                    "feature_importance_split.png",
                ]
                if autolog["mlflow_version"]?.stringValue?.hasPrefix("2.") == true { plots.append("model/") }
            }
            #expect(report["listed"] == .array(["cfg/"] + plots + ["notes/", "outdir/"]))
            #expect(report["listed_outdir"] == ["outdir/deeper", "outdir/x.txt"])
            #expect(report["downloaded"] == "hello from the script")

            // What the store kept.
            let finished = try #require(try await store.run(id: runID))
            #expect(finished.status == .finished)
            #expect(finished.endTime != nil)
            let params = try await store.params(runID: runID)
            #expect(params["alpha"] == "0.5" && params["beta"] == "2" && params["gamma"] == "g")
            let loss = try await store.metricHistory(runID: runID, key: "loss")
            #expect(loss.map(\.step) == [0, 1, 2])
            #expect(loss[1].value.isNaN)
            #expect(try await store.metricSummaries(runID: runID).first { $0.key == "inf" }?.latest.value == .infinity)
            #expect(try await store.tags(runID: runID)["team"] == "ml")
            let artifacts = store.artifactDirectory(runID: runID)
            #expect(
                try String(contentsOfFile: artifacts + "/notes/hello.txt", encoding: .utf8) == "hello from the script")
            #expect(FileManager.default.contents(atPath: artifacts + "/outdir/deeper/y.bin")?.count == 1_024)
            #expect(FileManager.default.fileExists(atPath: artifacts + "/cfg/config.json"))
            #expect(try await store.runs(experimentID: run.experimentID).map(\.id) == [runID])

            // Autologging, when lightgbm was there.
            guard autolog["autolog"] == "ran" else {
                print("MLflowRealClientTests: autologging not exercised: \(autolog["autolog"]?.stringValue ?? "?")")
                return
            }
            store.metricEvents.finish()
            let autologged = await MLflowStoreTests.collect(events).filter { $0.key == "test-multi_logloss" }
            #expect(autologged.map(\.step) == [0, 1, 2, 3, 4])
            #expect(try await store.metricHistory(runID: runID, key: "test-multi_logloss").count == 5)
            #expect(try await store.tags(runID: runID)["mlflow.autologging"] == "lightgbm")
            #expect(try await store.params(runID: runID)["num_class"] == "3")
            if autolog["mlflow_version"]?.stringValue?.hasPrefix("2.") == true {
                #expect(FileManager.default.fileExists(atPath: artifacts + "/model/MLmodel"))
            } else {
                let models = try await store.searchLoggedModels(
                    experimentIDs: [Int64(run.experimentID)!], visibleTo: nil, limit: 10, offset: 0)
                let model = try #require(models.models.first)
                #expect(model.record.status == "LOGGED_MODEL_READY")
                #expect(model.record.sourceRunID == runID)
                // mlflow 3 links metrics to the run's output model at its step: the training curve, and the
                // explicit step-0 points of the second process.
                #expect(model.metrics.filter { $0.key == "test-multi_logloss" }.map(\.step) == [0, 1, 2, 3, 4])
                #expect(
                    model.metrics.filter { $0.step == 0 }.map(\.key) == ["acc", "inf", "loss", "test-multi_logloss"])
                let files = try FileManager.default.contentsOfDirectory(
                    atPath: store.modelArtifactDirectory(modelID: model.record.id))
                #expect(files.contains("MLmodel"))
                #expect(files.contains("model.lgb"))
                #expect(try await store.runDetails(id: runID).outputs.map(\.modelID) == [model.record.id])
            }
        }
    }
}
