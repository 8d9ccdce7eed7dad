import ArgumentParser
import AzureML
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

@testable import DeployCLI

/// `deploy jobs list|show|logs|cancel|wait` against a real local workspace server over HTTP, with small shell jobs
/// run by the host's python3.
@Suite struct JobsCommandTests {
    /// The `Started`/`Ended`/`Duration`/`Created` lines `show` prints for `job`.
    static func timeLines(_ job: JobRecord, width: Int) -> String {
        func line(_ label: String, _ value: String) -> String {
            label + ":" + String(repeating: " ", count: width - label.count) + " " + value + "\n"
        }
        var text = line("Status", job.status)
        text += line("Created", JobTime.short(job.createdAt ?? ""))
        text += line("Started", job.startTime.map(JobTime.short) ?? "-")
        text += line("Ended", job.endTime.map(JobTime.short) ?? "-")
        if let duration = job.duration(now: 0) { text += line("Duration", JobTime.duration(duration)) }
        return text
    }

    @Test func subcommandsAndTheirArguments() throws {
        #expect(
            DeployCommand.Jobs.configuration.subcommands.map { $0.configuration.commandName } == [
                "list", "show", "logs", "cancel", "wait",
            ])
        let list = try #require(
            try DeployCommand.parseAsRoot([
                "jobs", "list", "--parent", "s", "--type", "sweep", "--all", "--output", "json",
            ])
                as? DeployCommand.Jobs.List)
        #expect(list.parent == "s")
        #expect(list.type == .sweep)
        #expect(list.all)
        #expect(list.output == .json)
        let logs = try #require(try DeployCommand.parseAsRoot(["jobs", "logs", "-f", "j"]) as? DeployCommand.Jobs.Logs)
        #expect(logs.follow)
        #expect(logs.name == "j")
        #expect(throws: (any Error).self) { try DeployCommand.parseAsRoot(["jobs", "list", "--type", "pipeline"]) }
        #expect(throws: (any Error).self) { try DeployCommand.parseAsRoot(["jobs", "show"]) }
    }

    @Test func showPrintsStatusTimesParametersMetricsOutputsAndLog() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit(
                "trained",
                command: "\(ws.metricsCommand) loss 0.9 0.5 0.7 accuracy 0.75 && echo done > ${{outputs.model}}/m.txt",
                extra: [
                    "displayName": "training run",
                    "inputs": ["lr": ["jobInputType": "literal", "value": "0.1"]],
                    "outputs": ["model": ["jobOutputType": "uri_folder"]],
                ])
            let job = try await ws.wait(for: "trained")
            #expect(job.status == "Completed", "\(ws.log("trained"))")

            let shown = try await ws.jobs(["show", "trained"] + ws.endpointArguments)
            #expect(shown.status == 0)
            #expect(shown.err == "")
            #expect(
                shown.out == """
                    Job:          trained
                    Type:         Command
                    Display name: training run
                    Experiment:   jobs-test

                    """ + Self.timeLines(job, width: 12) + """
                        Compute:      none (this machine, or serverless on Azure)
                        Log:          \(ws.workspaceDirectory)/runs/trained/user_logs/std_log.txt
                        Inputs:
                          lr = 0.1
                        Outputs:
                          model = azureml://datastores/workspaceblobstore/paths/azureml/trained/model/
                        Metrics:
                          NAME      LAST   MIN   MAX  POINTS
                          accuracy  0.75  0.75  0.75       1
                          loss       0.7   0.5   0.9       3

                        """)

            let json = try JSONValue(
                parsing: try await ws.jobs(["show", "trained", "--output", "json"] + ws.endpointArguments).out)
            #expect(json["name"] == "trained")
            #expect(json["status"] == "Completed")
            #expect(json["metrics"]?["loss"] == ["last": 0.7, "min": 0.5, "max": 0.9, "count": 3])
            #expect(json["metrics_note"] == .null)
            #expect(
                json["outputs"] == ["model": "azureml://datastores/workspaceblobstore/paths/azureml/trained/model/"])
            #expect(json["inputs"] == ["lr": "0.1"])
            #expect(json["parameters"] == [:])
            #expect(json["error"] == .null)
            #expect(json["started"]?.stringValue == job.startTime)
            #expect(json["duration_seconds"]?.doubleValue == job.duration(now: 0).map(JobDetails.rounded))
        }
    }

    @Test func failedJobsShowTheirErrorAndWaitExitsWith1() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit("broken", command: "echo oops; exit 3")
            let job = try await ws.wait(for: "broken")
            let code = try #require(job.runProperties["ErrorCode"])
            let message = try #require(job.runProperties["ErrorMessage"])

            let waited = try await ws.jobs(["wait", "broken"] + ws.endpointArguments)
            #expect(waited == JobsRun(out: "broken: Failed\n", err: "error: \(code): \(message)\n", status: 1))

            let shown = try await ws.jobs(["show", "broken"] + ws.endpointArguments)
            let continuation = "\n" + String(repeating: " ", count: 12)
            #expect(
                shown.out == """
                    Job:        broken
                    Type:       Command
                    Experiment: jobs-test

                    """ + Self.timeLines(job, width: 10) + """
                        Compute:    none (this machine, or serverless on Azure)
                        Log:        \(ws.workspaceDirectory)/runs/broken/user_logs/std_log.txt
                        Error:      \(code): \(message.replacingOccurrences(of: "\n", with: continuation))
                        Metrics: none logged

                        """)
            #expect(message.contains("oops"))
        }
    }

    @Test func waitPrintsEachStatusUntilCompleted() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit("gated", command: "echo ready; while [ ! -f \(ws.root)/go ]; do sleep 0.05; done")
            try await ws.wait(forLog: "ready", in: "gated")
            let recorder = Recorder()
            async let waited = ws.jobs(["wait", "gated"] + ws.endpointArguments, recorder: recorder)
            // Let the command see the job running before letting it end.
            let deadline = Date().addingTimeInterval(60)
            while recorder.contents.out.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            FileManager.default.createFile(atPath: ws.root + "/go", contents: Data())
            let run = try await waited
            #expect(run.status == 0)
            #expect(run.err == "")
            // Finalizing is brief: a poll may or may not see it.
            #expect(
                run.out == "gated: Running\ngated: Completed\n"
                    || run.out == "gated: Running\ngated: Finalizing\ngated: Completed\n", "\(run.out)")
            #expect(
                try await ws.jobs(["wait", "gated"] + ws.endpointArguments)
                    == JobsRun(out: "gated: Completed\n", err: "", status: 0))
        }
    }

    @Test func logsPrintWhatIsWrittenAndFollowUntilTheJobEnds() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit(
                "chatty",
                command: "echo one; while [ ! -f \(ws.root)/go ]; do sleep 0.05; done; echo two; echo 'ünïcödé'")
            try await ws.wait(forLog: "one", in: "chatty")
            let partial = try await ws.jobs(["logs", "chatty"] + ws.endpointArguments)
            #expect(partial.status == 0)
            #expect(partial.err == "")
            #expect(partial.out.hasSuffix("\none\n"))
            #expect(ws.log("chatty").hasPrefix(partial.out))

            async let followed = ws.jobs(["logs", "--follow", "chatty"] + ws.endpointArguments)
            try await Task.sleep(for: .milliseconds(300))
            FileManager.default.createFile(atPath: ws.root + "/go", contents: Data())
            let run = try await followed
            #expect(run.status == 0)
            #expect(run.out == ws.log("chatty"))
            #expect(run.out.contains("\none\ntwo\nünïcödé\n"))
            #expect(run.err == "deploy: job chatty ended: Completed\n")

            let missing = try await ws.jobs(["logs", "nope"] + ws.endpointArguments)
            #expect(missing == JobsRun(out: "", err: "error: job 'nope' does not exist\n", status: 1))
        }
    }

    @Test func cancelStopsARunningJobAndWaitReportsIt() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit("sleeper", command: "echo ready; sleep 300")
            try await ws.wait(forLog: "ready", in: "sleeper")
            let canceled = try await ws.jobs(["cancel", "sleeper"] + ws.endpointArguments)
            #expect(
                canceled
                    == JobsRun(
                        out: "sleeper: Canceled (Canceled on request.)\n",
                        err: "Cancel requested for sleeper; waiting for it to stop...\n", status: 0))
            #expect(try await ws.job("sleeper").status == "Canceled")

            let waited = try await ws.jobs(["wait", "sleeper"] + ws.endpointArguments)
            #expect(
                waited == JobsRun(out: "sleeper: Canceled\n", err: "canceled: Canceled on request.\n", status: 1))
            let again = try await ws.jobs(["cancel", "sleeper"] + ws.endpointArguments)
            #expect(again == JobsRun(out: "sleeper: already Canceled; nothing to cancel\n", err: "", status: 0))
            let missing = try await ws.jobs(["cancel", "ghost"] + ws.endpointArguments)
            #expect(missing.status == 1)
            #expect(
                missing.err
                    == "error: job 'ghost' does not exist in the workspace local at \(ws.server.url)\n")
        }
    }

    /// A sweep job's body: a grid over `lr`, minimizing `test-loss`.
    static func sweepBody(properties: JSONObject = [:]) -> JSONValue {
        [
            "properties": [
                "jobType": "Sweep", "experimentName": "jobs-test", "properties": .object(properties),
                "trial": [
                    "command": "echo ${{search_space.lr}}", "environmentId": .string(JobsHarness.hostEnvironment),
                ],
                "searchSpace": ["lr": ["choice", [[0.1, 0.3, 0.5]]]],
                "samplingAlgorithm": ["samplingAlgorithmType": "Grid"],
                "objective": ["goal": "minimize", "primaryMetric": "test-loss"],
                "limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 3],
            ]
        ]
    }

    @Test func sweepsListTheirTrialsBestFirstWithTheBestTrial() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-jobs-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try JobsHarness.metricsScript.write(toFile: root + "/metrics.py", atomically: true, encoding: .utf8)

        // The trials run first, on a server that runs jobs; their parent is created afterwards on one that does
        // not, so that no sweep scheduler starts trials of its own.
        let runner = try await JobsHarness.start(root: root, options: JobsHarness.runningOptions)
        do {
            let values: [(String, Double, String)] = [
                ("grid_0", 0.1, "\(runner.metricsCommand) test-loss 0.9 0.4"),
                ("grid_1", 0.3, "\(runner.metricsCommand) test-loss 0.8 0.2"),
                ("grid_2", 0.5, "echo no metric"),
                ("grid_3", 0.7, "\(runner.metricsCommand) test-loss 0.05; exit 1"),
            ]
            for (name, lr, command) in values {
                var trial = JobProperties(jobType: "Command")
                trial.command = command
                trial.environmentId = JobsHarness.hostEnvironment
                trial.parentJobName = "grid"
                trial.experimentName = "jobs-test"
                try await runner.server.runner.submit(name: name, properties: trial, parameters: ["lr": .double(lr)])
            }
            for (name, _, _) in values { try await runner.wait(for: name) }
        } catch {
            try? await runner.stop()
            throw error
        }
        try await runner.stop()

        let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
        let ws = try await JobsHarness.start(root: root, options: options)
        do {
            _ = try await ws.client.putResource("/jobs/grid", apiVersion: APIVersion.jobs, body: Self.sweepBody())
            var trials: [JobRecord] = []
            for name in ["grid_3", "grid_1", "grid_0", "grid_2"] { trials.append(try await ws.job(name)) }
            #expect(trials.map(\.status) == ["Failed", "Completed", "Completed", "Completed"])
            let durations = trials.map { $0.duration(now: 0).map(JobTime.duration) ?? "-" }
            let width = max(8, durations.map(\.count).max() ?? 0)
            func row(_ name: String, _ status: String, _ value: String, _ index: Int, _ lr: String) -> String {
                let status = status + String(repeating: " ", count: 9 - status.count)
                let value = String(repeating: " ", count: 9 - value.count) + value
                let duration = String(repeating: " ", count: width - durations[index].count) + durations[index]
                return "  \(name)  \(status)  \(value)  \(duration)  lr=\(lr)\n"
            }
            let table =
                "  NAME    STATUS     TEST-LOSS  " + String(repeating: " ", count: width - 8) + "DURATION  PARAMETERS\n"
                + row("grid_3", "Failed", "0.05", 0, "0.7") + row("grid_1", "Completed", "0.2", 1, "0.3")
                + row("grid_0", "Completed", "0.4", 2, "0.1") + row("grid_2", "Completed", "-", 3, "0.5")

            let shown = try await ws.jobs(["show", "grid"] + ws.endpointArguments)
            #expect(shown.status == 0)
            #expect(
                shown.out.hasSuffix(
                    """
                    Compute:    none (this machine, or serverless on Azure)
                    Objective: minimize test-loss
                    Trials (4, best first):

                    """ + table + """
                        Best trial: grid_1 (test-loss = 0.2; lr=0.3; computed from the trials)

                        """), "\(shown.out)")

            // A sweep that recorded its best trial is believed.
            _ = try await ws.client.putResource(
                "/jobs/grid", apiVersion: APIVersion.jobs,
                body: Self.sweepBody(properties: [SweepTrials.bestTrialProperty: "grid_0"]))
            let recorded = try await ws.jobs(["show", "grid", "--output", "json"] + ws.endpointArguments)
            let json = try JSONValue(parsing: recorded.out)
            #expect(json["objective"] == ["primary_metric": "test-loss", "goal": "minimize"])
            #expect(
                json["trials"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                    "grid_3", "grid_1", "grid_0", "grid_2",
                ])
            let rows = try #require(json["trials"]?.arrayValue)
            try #require(rows.count == 4)
            #expect(rows[1]["objective"] == 0.2)
            #expect(rows[1]["parameters"] == ["lr": 0.3])
            #expect(rows[0]["status"] == "Failed")
            #expect(rows[3]["objective"] == .null)
            #expect(
                json["best_trial"] == [
                    "name": "grid_0", "objective": 0.4, "parameters": ["lr": 0.1], "source": "sweep",
                ])

            let listed = try await ws.jobs(["list", "--parent", "grid", "--output", "json"] + ws.endpointArguments)
            #expect(
                try JSONValue(parsing: listed.out)["jobs"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted()
                    == ["grid_0", "grid_1", "grid_2", "grid_3"])
            let top = try await ws.jobs(["list", "--output", "json"] + ws.endpointArguments)
            #expect(
                try JSONValue(parsing: top.out)["jobs"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["grid"])
            let sweeps = try await ws.jobs(
                ["list", "--all", "--type", "sweep", "--output", "json"] + ws.endpointArguments)
            #expect(try JSONValue(parsing: sweeps.out)["jobs"]?.arrayValue?.count == 1)
        } catch {
            try? await ws.stop()
            throw error
        }
        try await ws.stop()
    }

    @Test func listPrintsATableNewestFirst() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit("first", command: "true")
            try await ws.wait(for: "first")
            try await ws.submit("second", command: "exit 2", extra: ["experimentName": "other"])
            try await ws.wait(for: "second")
            let first = try await ws.job("first")
            let second = try await ws.job("second")
            let durations = [second, first].map { $0.duration(now: 0).map(JobTime.duration) ?? "-" }
            let width = max(8, durations.map(\.count).max() ?? 0)
            func pad(_ text: String) -> String { String(repeating: " ", count: width - text.count) + text }
            let listed = try await ws.jobs(["list"] + ws.endpointArguments)
            #expect(listed.status == 0)
            #expect(
                listed.out == """
                    NAME    TYPE     STATUS     CREATED               \(pad("DURATION"))  PARENT  EXPERIMENT
                    second  Command  Failed     \(JobTime.short(second.createdAt ?? ""))  \(pad(durations[0]))  -       other
                    first   Command  Completed  \(JobTime.short(first.createdAt ?? ""))  \(pad(durations[1]))  -       jobs-test

                    """)
            let empty = try await ws.jobs(["list", "--type", "sweep"] + ws.endpointArguments)
            #expect(empty == JobsRun(out: "No jobs.\n", err: "", status: 0))
        }
    }

    @Test func anInProcessWorkspaceRecoversAndRunsNothing() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-jobs-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Leave a job NotStarted and one "Running" as a server that died would.
        let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
        let ws = try await JobsHarness.start(root: root, options: options)
        try await ws.submit("waiting", command: "echo hi")
        try await ws.submit("orphan", command: "echo hi")
        #expect(try await ws.server.store.setJobStatus(name: "orphan", status: "Running"))
        try await ws.stop()

        let local = ["--workspace", "local:" + root + "/ws"]
        let listed = try await JobsHarness.jobs(["list", "--output", "json"] + local, workingDirectory: root)
        #expect(listed.status == 0)
        let statuses = try JSONValue(parsing: listed.out)["jobs"]?.arrayValue?.map {
            "\($0["name"]?.stringValue ?? ""): \($0["status"]?.stringValue ?? "")"
        }
        #expect(statuses?.sorted() == ["orphan: Failed", "waiting: NotStarted"])

        let waited = try await JobsHarness.jobs(["wait", "waiting"] + local, workingDirectory: root)
        #expect(
            waited
                == JobsRun(
                    out: "waiting: NotStarted\n",
                    err: "error: job 'waiting' is NotStarted, but no deploy serve is running for the local workspace "
                        + "in \(root)/ws, so nothing runs it; start `deploy serve --dir \(root)/ws` and try again\n",
                    status: 1))
        let canceled = try await JobsHarness.jobs(["cancel", "waiting"] + local, workingDirectory: root)
        // Nothing runs in-process, so the route cancels the NotStarted job itself, without a reason.
        #expect(canceled.out == "waiting: Canceled\n")
        #expect(canceled.status == 0)
    }

    @Test func azureWorkspacesHaveNoLogsAndNoMetrics() async throws {
        try await JobsHarness.with { ws in
            try await ws.submit("remote", command: "true")
            try await ws.wait(for: "remote")
            // An "Azure" workspace whose Resource Manager is this server.
            let environment = [
                "AZURE_RESOURCE_MANAGER_ENDPOINT": ws.server.url, "AZURE_ACCESS_TOKEN": ws.server.token,
            ]
            let azure = ["--workspace", ws.server.workspace.armID]
            let logs = try await ws.jobs(["logs", "remote"] + azure, environment: environment)
            #expect(
                logs
                    == JobsRun(
                        out: "",
                        err: "error: log streaming from Azure ML workspaces is not supported yet; see the job's "
                            + "outputs and logs in Azure ML studio\n", status: 1))
            let shown = try await ws.jobs(["show", "remote", "--output", "json"] + azure, environment: environment)
            #expect(shown.status == 0, "\(shown.err)")
            let json = try JSONValue(parsing: shown.out)
            #expect(json["metrics"] == .null)
            #expect(json["metrics_note"] == "not shown: reading metrics from Azure ML is not supported yet")
            #expect(json["status"] == "Completed")
        }
    }
}
