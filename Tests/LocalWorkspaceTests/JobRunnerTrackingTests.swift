import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// The runner and the MLflow store: each job's run exists before its command starts, in its experiment, reachable
/// with its token, and ends with the job. The script is a stdlib-only client speaking the MLflow REST protocol.
@Suite struct JobRunnerTrackingTests {
    /// `python client.py [status]`: reads its run, logs `loss`, optionally ends the run with `status`.
    static let client = """
        import json, os, sys, urllib.request
        base = os.environ["MLFLOW_TRACKING_URI"] + "/api/2.0/mlflow/"
        headers = {"Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"], "Content-Type": "application/json"}
        def call(path, body=None):
            data = None if body is None else json.dumps(body).encode()
            request = urllib.request.Request(base + path, data=data, headers=headers, method="GET" if body is None else "POST")
            with urllib.request.urlopen(request) as response:
                return json.load(response)
        run_id = os.environ["MLFLOW_RUN_ID"]
        run = call("runs/get?run_id=" + run_id)["run"]["info"]
        print("status", run["status"], "experiment", run["experiment_id"])
        call("runs/log-metric", {"run_id": run_id, "key": "loss", "value": 0.5, "timestamp": 0, "step": 0})
        if len(sys.argv) > 1:
            call("runs/update", {"run_id": run_id, "status": sys.argv[1]})
        """

    @Test func eachJobReportsToItsOwnRunWhichEndsWithTheJob() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let code = try await ws.uploadCode(["client.py": Self.client])
            let mlflow = ws.server.mlflow
            try await ws.submit(
                "tracked", command: "python client.py",
                extra: ["codeId": .string(code), "experimentName": "exp-m", "displayName": "first try"])
            let job = try await ws.wait(for: "tracked")
            #expect(job["properties"]?["status"] == "Completed", "\(ws.log("tracked"))")
            let experiment = try #require(try await mlflow.experiment(named: "exp-m"))
            #expect(ws.commandOutput("tracked") == ["status RUNNING experiment \(experiment.id)"])
            let run = try #require(try await mlflow.run(id: "tracked"))
            #expect(run.status == .finished)
            #expect(run.name == "first try")
            #expect(run.experimentID == experiment.id)
            #expect(try await mlflow.metricSummaries(runID: "tracked").map(\.key) == ["loss"])
            #expect(TestWorkspace.property(job, "MlflowRunId") == "tracked")
            #expect(TestWorkspace.property(job, "Warning") == nil)
            #expect(try await mlflow.revokeTokens(forRun: "tracked") == 0)

            try await ws.submit(
                "warned", command: "python client.py FAILED", extra: ["codeId": .string(code)])
            let warned = try await ws.wait(for: "warned")
            #expect(warned["properties"]?["status"] == "Completed")
            #expect(
                TestWorkspace.property(warned, "Warning")
                    == "The command exited with code 0, but its MLflow run ended FAILED: some of its metrics, "
                    + "parameters or artifacts may be missing. Check user_logs/std_log.txt.")
            #expect(ws.log("warned").contains("deploy: warning: The command exited with code 0, but its MLflow run"))
            #expect(try await mlflow.run(id: "warned")?.status == .failed)
            #expect(try await mlflow.experiment(named: "exp")?.id == mlflow.run(id: "warned")?.experimentID)

            try await ws.submit("crashes", command: "python client.py; exit 4", extra: ["codeId": .string(code)])
            #expect(try await ws.wait(for: "crashes")["properties"]?["status"] == "Failed")
            #expect(try await mlflow.run(id: "crashes")?.status == .failed)

            try await ws.submit(
                "stopped", command: "python client.py; echo ready; sleep 300", extra: ["codeId": .string(code)])
            try await ws.wait(forLog: "ready", in: "stopped")
            #expect(try await ws.server.runner.cancel("stopped"))
            #expect(try await ws.wait(for: "stopped")["properties"]?["status"] == "Canceled")
            #expect(try await mlflow.run(id: "stopped")?.status == .killed)
        }
    }

    @Test func aSweepTrialsRunNamesItsParent() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            var trial = JobProperties(jobType: "Command")
            trial.command = "true"
            trial.environmentId = TestWorkspace.hostEnvironment
            trial.parentJobName = "sweep"
            trial.experimentName = "sweeps"
            trial.tags = ["team": "ml"]
            try await ws.server.runner.submit(name: "sweep_3", properties: trial)
            #expect(try await ws.wait(for: "sweep_3")["properties"]?["status"] == "Completed")
            let tags = try await ws.server.mlflow.tags(runID: "sweep_3")
            #expect(tags["mlflow.parentRunId"] == "sweep")
            #expect(tags["team"] == "ml")
            #expect(tags["azureml.jobName"] == "sweep_3")
        }
    }
}
