import AzureML
import Foundation
import Testing

@testable import LocalWorkspace

/// The real `mlflow` Python client against the server: a script logs params, metrics (NaN and infinity
/// included), a tag and artifacts, reads them back, and, with lightgbm importable, trains under
/// `mlflow.lightgbm.autolog()`. It runs when a Python with mlflow is found: `DEPLOY_TEST_PYTHON`, else `python3`
/// if it imports mlflow, else (only with `DEPLOY_TEST_PIP=1`, so default runs stay offline) a virtual environment
/// created in the test's temporary folder with `pip install mlflow-skinny lightgbm`. Otherwise it is skipped, and
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
            [venv + "/bin/pip", "install", "--quiet", "--disable-pip-version-check", "mlflow-skinny", "lightgbm"],
            timeout: 1_800)
        guard installed.status == 0 else { throw TestFailure("pip install failed: \(installed.output)") }
        return venv + "/bin/python"
    }

    /// Runs a command to completion (killing it after `timeout` seconds), with stdout and stderr in one file.
    static func run(_ arguments: [String], environment: [String: String]? = nil, timeout: Double) throws
        -> (status: Int32, output: String)
    {
        let outputPath = NSTemporaryDirectory() + "deploy-mlflow-client-" + UUID().uuidString + ".log"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
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

            let result = try await Self.runDetached([python, Self.script], environment: environment, timeout: 600)
            print("MLflowRealClientTests: the script said:\n\(result.output)")
            #expect(result.status == 0)
            #expect(!result.output.contains("Traceback"))
            #expect(!result.output.contains("Encountered unexpected error"))
            let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("RESULT ") })
            let report = try JSONValue(parsing: String(line.dropFirst("RESULT ".count)))

            // What the client read back through the server.
            #expect(report["resumed_run_id"]?.stringValue == runID)
            #expect(report["artifact_uri"]?.stringValue == run.artifactURI)
            #expect(report["history"] == [[0, 1.5], [1, nil], [2, 0.25]])
            #expect(report["latest"]?["loss"] == 0.25)
            #expect(report["latest"]?["inf"] == .double(.infinity))
            #expect(report["params"] == ["alpha": "0.5", "beta": "2", "gamma": "g"])
            #expect(report["listed"] == ["cfg/", "notes/", "outdir/"])
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
            var iterator = events.makeAsyncIterator()
            let first = try #require(await iterator.next())
            #expect(first.key == "loss" && first.value == 1.5)

            // Autologging, when lightgbm was there.
            if report["autolog"] == "ran" {
                let autologged = try await store.metricHistory(runID: runID, key: "test-multi_logloss")
                #expect(autologged.map(\.step) == [0, 1, 2, 3, 4])
                #expect(try await store.tags(runID: runID)["mlflow.autologging"] == "lightgbm")
                #expect(try await store.params(runID: runID)["num_class"] == "3")
                let models = try await store.searchLoggedModels(
                    experimentIDs: [Int64(run.experimentID)!], visibleTo: nil, limit: 10, offset: 0)
                let versions = report["mlflow_version"]?.stringValue ?? ""
                if versions.hasPrefix("2.") {
                    #expect(FileManager.default.fileExists(atPath: artifacts + "/model/MLmodel"))
                } else {
                    let model = try #require(models.models.first)
                    #expect(model.record.status == "LOGGED_MODEL_READY")
                    #expect(model.record.sourceRunID == runID)
                    let files = try FileManager.default.contentsOfDirectory(
                        atPath: store.modelArtifactDirectory(modelID: model.record.id))
                    #expect(files.contains("MLmodel"))
                    #expect(files.contains("model.lgb"))
                }
            } else {
                print("MLflowRealClientTests: autologging not exercised: \(report["autolog"]?.stringValue ?? "?")")
            }
        }
    }
}
