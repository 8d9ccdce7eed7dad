import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// The job runner over real HTTP: small shell and Python jobs that need no network.
@Suite struct JobRunnerTests {
    @Test func commandRunsWithItsInputsOutputsAndEnvironment() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let code = try await ws.uploadCode([
                "run.sh": """
                echo "args: $*"
                echo "data: $(cat "$1")"
                echo "asset: $(cat "$AZURE_ML_INPUT_asset")"
                echo "local: $(cat "$AZURE_ML_INPUT_local")"
                echo "cwd: $(pwd)"
                for name in AZUREML_RUN_ID AZUREML_ARM_WORKSPACE_NAME AZUREML_ARM_PROJECT_NAME MLFLOW_RUN_ID \\
                    MLFLOW_EXPERIMENT_NAME MLFLOW_HTTP_REQUEST_MAX_RETRIES MLFLOW_HTTP_REQUEST_TIMEOUT \\
                    MLFLOW_DISABLE_TELEMETRY OMP_NUM_THREADS GREETING AZURE_ML_INPUT_lr; do
                    eval "echo $name=\\$$name"
                done
                echo "tracking: $MLFLOW_TRACKING_URI"
                echo "python: $(command -v python)"
                echo "out: $AZURE_ML_OUTPUT_model"
                echo trained > "$3/model.txt"
                """
            ])
            let data = try await ws.uploadData("LocalUpload/abc/iris.csv", "a,b\n1,2\n")
            #expect(
                try await ws.arm(
                    .PUT, ws.workspacePath + "/data/notes/versions/1",
                    body: ["properties": ["dataType": "uri_file", "dataUri": .string(data)]]
                ).status == 201)
            let localFile = ws.directory + "/local-input.txt"
            try "from disk".write(toFile: localFile, atomically: true, encoding: .utf8)
            var changes = ws.server.runner.statusChanges().makeAsyncIterator()
            try await ws.submit(
                "train",
                command: "sh run.sh ${{inputs.data}} ${{ inputs.lr }} ${{outputs.model}}$[[ --opt ${{inputs.none}}]]",
                extra: [
                    "codeId": .string(code), "experimentName": "exp1",
                    "inputs": [
                        "data": ["jobInputType": "uri_file", "uri": .string(data)],
                        "asset": ["jobInputType": "uri_file", "uri": "azureml:notes:1"],
                        "local": ["jobInputType": "uri_file", "uri": .string("file://" + localFile)],
                        "lr": ["jobInputType": "literal", "value": "0.1"],
                    ],
                    "outputs": ["model": ["jobOutputType": "uri_folder"]],
                    "environmentVariables": ["GREETING": "hi", "OMP_NUM_THREADS": "3"],
                ])
            let job = try await ws.wait(for: "train")
            #expect(job["properties"]?["status"] == "Completed", "\(ws.log("train"))")
            let blobFile = ws.directory + "/blobs/workspace-blobstore/LocalUpload/abc/iris.csv"
            #expect(
                ws.commandOutput("train") == [
                    "args: \(blobFile) 0.1 \(ws.runFolder("train"))/outputs/model",
                    "data: a,b", "1,2", "asset: a,b", "1,2", "local: from disk",
                    "cwd: \(ws.runFolder("train"))/code",
                    "AZUREML_RUN_ID=train", "AZUREML_ARM_WORKSPACE_NAME=local", "AZUREML_ARM_PROJECT_NAME=exp1",
                    "MLFLOW_RUN_ID=train", "MLFLOW_EXPERIMENT_NAME=exp1", "MLFLOW_HTTP_REQUEST_MAX_RETRIES=2",
                    "MLFLOW_HTTP_REQUEST_TIMEOUT=30", "MLFLOW_DISABLE_TELEMETRY=true", "OMP_NUM_THREADS=3",
                    "GREETING=hi", "AZURE_ML_INPUT_lr=0.1", "tracking: \(ws.server.url)",
                    "python: \(ws.directory)/envs/host/bin/python", "out: \(ws.runFolder("train"))/outputs/model",
                ])
            #expect(ws.log("train").contains("deploy: environment: \(TestWorkspace.hostEnvironment) is a curated"))
            let properties = job["properties"]
            #expect(TestWorkspace.property(job, "ExitCode") == "0")
            #expect(TestWorkspace.property(job, "StartTimeUtc")?.hasSuffix("Z") == true)
            #expect(TestWorkspace.property(job, "EndTimeUtc")?.hasSuffix("Z") == true)
            #expect(TestWorkspace.property(job, "LogFile") == ws.runFolder("train") + "/user_logs/std_log.txt")
            #expect(TestWorkspace.property(job, "ErrorMessage") == nil)
            #expect(
                properties?["outputs"]?["model"]?["uri"]
                    == "azureml://datastores/workspaceblobstore/paths/azureml/train/model/")

            var seen: [String] = []
            while let change = await changes.next(), change.jobName == "train" {
                seen.append(change.status)
                if change.isTerminal { break }
            }
            #expect(seen == ["NotStarted", "Queued", "Preparing", "Running", "Finalizing", "Completed"])

            // The output's datastore path resolves, for a later job and through the blob API.
            try await ws.submit(
                "consume", command: "cat ${{inputs.model}}/model.txt",
                extra: [
                    "inputs": [
                        "model": [
                            "jobInputType": "uri_folder",
                            "uri": "azureml://datastores/workspaceblobstore/paths/azureml/train/model/",
                        ]
                    ]
                ])
            #expect(try await ws.wait(for: "consume")["properties"]?["status"] == "Completed")
            #expect(ws.commandOutput("consume") == ["trained"])
            let secrets = try await ws.arm(.POST, ws.workspacePath + "/datastores/workspaceblobstore/listSecrets")
            let sas = try #require(secrets.json["sasToken"]?.stringValue)
            let blob = try await TestWorkspace.send(
                .GET, ws.server.url + "/blob/local/workspace-blobstore/azureml/train/model/model.txt?" + sas)
            #expect(blob.status == 200)
            #expect(blob.text == "trained\n")
        }
    }

    @Test func aReferenceWithoutAValueFailsTheJob() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.submit("j", command: "echo ${{inputs.missing}}")
            let job = try await ws.wait(for: "j")
            #expect(job["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(job, "ErrorCode") == "UserError")
            #expect(
                TestWorkspace.property(job, "ErrorMessage")
                    == "command: the command refers to ${{inputs.missing}}, but the job has no input 'missing'")
            #expect(TestWorkspace.property(job, "StartTimeUtc") == nil)
            #expect(ws.log("j").contains("deploy: error: command: the command refers to ${{inputs.missing}}"))
        }
    }

    @Test func aFailingCommandReportsItsLastLogLines() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.submit("fails", command: "for i in $(seq 1 30); do echo line $i; done; echo oops >&2; exit 3")
            let job = try await ws.wait(for: "fails")
            #expect(job["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(job, "ErrorCode") == "UserError")
            #expect(TestWorkspace.property(job, "ExitCode") == "3")
            let lines = (12...30).map { "line \($0)" } + ["oops"]
            #expect(
                TestWorkspace.property(job, "ErrorMessage")
                    == "Execution failed: the command exited with code 3. Last lines of user_logs/std_log.txt:\n"
                    + lines.joined(separator: "\n"))
        }
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let pidFile = ws.directory + "/child.pid"
            try await ws.submit(
                "slow", command: "sleep 300 & echo $! > \(pidFile); echo started; wait",
                extra: ["limits": ["jobLimitsType": "Command", "timeout": "PT1S"]])
            let job = try await ws.wait(for: "slow")
            #expect(job["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(job, "ErrorCode") == "JobTimeout")
            #expect(
                TestWorkspace.property(job, "ErrorMessage")
                    == "The job ran longer than its timeout (PT1S, 1 second) and was stopped.")
            let child = try #require(try Self.processID(in: pidFile))
            try await Self.waitUntilGone(child)
            #expect(!Self.isRunning(child), "the background child survived the timeout")
        }
    }

    @Test func cancelSendsSIGTERMThenSIGKILL() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let path = ws.workspacePath + "/jobs/stubborn"
            try await ws.submit(
                "stubborn", command: "trap 'echo got TERM' TERM; echo ready; while true; do sleep 0.1; done")
            try await ws.wait(forLog: "ready", in: "stubborn")
            let cancel = try await ws.arm(.POST, path + "/cancel", apiVersion: APIVersion.jobCancel)
            #expect(cancel.status == 202)
            let location = try #require(cancel.header("Location"))
            var polls = 0
            while try await ws.arm(.GET, location, apiVersion: nil).status == 202 {
                polls += 1
                try await Task.sleep(for: .milliseconds(100))
            }
            let job = try await ws.job("stubborn")
            #expect(job["properties"]?["status"] == "Canceled")
            #expect(TestWorkspace.property(job, "CancelReason") == "Canceled on request.")
            let output = ws.commandOutput("stubborn")
            #expect(output.first == "ready" && output.last == "got TERM", "\(output)")
            #expect(polls > 0)

            // A command that exits on SIGTERM ends at once.
            try await ws.submit("polite", command: "echo ready; sleep 300")
            try await ws.wait(forLog: "ready", in: "polite")
            _ = try await ws.arm(.POST, ws.workspacePath + "/jobs/polite/cancel", apiVersion: APIVersion.jobCancel)
            #expect(try await ws.wait(for: "polite")["properties"]?["status"] == "Canceled")
        }
    }

    @Test func queuedJobsRespectTheComputeLimitInSubmissionOrder() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            try await ws.createCompute("cluster", maxNodeCount: 2)
            var changes = ws.server.runner.statusChanges().makeAsyncIterator()
            let names = (1...5).map { "q\($0)" }
            for name in names {
                try await ws.submit(
                    name, command: "sleep 0.3", extra: ["computeId": .string(ws.workspacePath + "/computes/cluster")])
            }
            var holding: Set<String> = []
            var most = 0
            var started: [String] = []
            var ended = 0
            while ended < names.count, let change = await changes.next() {
                switch change.status {
                case JobStatus.preparing:
                    holding.insert(change.jobName)
                    started.append(change.jobName)
                case _ where change.isTerminal:
                    #expect(change.status == "Completed")
                    holding.remove(change.jobName)
                    ended += 1
                default: break
                }
                most = max(most, holding.count)
            }
            #expect(most == 2)
            #expect(started == names)
        }
    }

    @Test func cancellingAQueuedJobEndsItWithoutRunningIt() async throws {
        var options = TestWorkspace.runnerOptions
        options.localConcurrency = 1
        try await TestWorkspace.with(options: options) { ws in
            try await ws.submit("busy", command: "echo ready; sleep 300")
            try await ws.submit("waiting", command: "echo never")
            try await ws.wait(forLog: "ready", in: "busy")
            #expect(try await ws.status("waiting") == "Queued")
            let cancel = try await ws.arm(
                .POST, ws.workspacePath + "/jobs/waiting/cancel", apiVersion: APIVersion.jobCancel)
            #expect(cancel.status == 202)
            let waiting = try await ws.wait(for: "waiting")
            #expect(waiting["properties"]?["status"] == "Canceled")
            #expect(TestWorkspace.property(waiting, "CancelReason") == "Canceled on request.")
            #expect(ws.commandOutput("waiting").isEmpty)
            #expect(try await ws.status("busy") == "Running")
            #expect(try await ws.server.runner.cancel("busy"))
            #expect(try await ws.wait(for: "busy")["properties"]?["status"] == "Canceled")
        }
    }

    @Test func restartEndsInterruptedJobsAndRunsThoseNotStarted() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A first server that accepted jobs and "crashed" while they were in progress.
        let first = try await LocalWorkspaceServer.start(
            directory: directory, options: LocalWorkspaceOptions(runsJobs: false))
        let ws = TestWorkspace(server: first, directory: directory)
        for name in ["running", "queued", "waiting", "cancelling"] {
            try await ws.submit(name, command: "echo \(name) ran")
        }
        // What the crashed server's job left running: a process group with the job's AZUREML_RUN_ID.
        let (groups, continuation) = AsyncStream.makeStream(of: ProcessGroup.self)
        let orphan = Task {
            try await ChildProcess(
                executable: "/bin/sleep", arguments: ["300"], environment: ["AZUREML_RUN_ID": "running"],
                workingDirectory: directory, logPath: directory + "/orphan.log"
            ).run { continuation.yield($0) }
        }
        var iterator = groups.makeAsyncIterator()
        let orphanID = try #require(await iterator.next()).id
        try await first.store.setJobStatus(name: "running", status: "Running")
        try await first.mlflow.createRun(runID: "running", experimentName: "exp")
        try await first.store.updateJobRun("running") {
            $0.processID = Int(orphanID)
            $0.mlflowRunID = "running"
        }
        try await first.store.setJobStatus(name: "queued", status: "Queued")
        try await first.store.setJobStatus(name: "cancelling", status: "CancelRequested")
        try FileManager.default.createDirectory(
            atPath: ws.runFolder("running") + "/user_logs", withIntermediateDirectories: true)
        try "partial output\n".write(
            toFile: ws.runFolder("running") + "/user_logs/std_log.txt", atomically: true, encoding: .utf8)
        try await first.shutdown()

        try await TestWorkspace.with(directory: directory, options: TestWorkspace.runnerOptions) { ws in
            let running = try await ws.job("running")
            #expect(running["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(running, "ErrorCode") == "RunnerStopped")
            #expect(
                TestWorkspace.property(running, "ErrorMessage")
                    == "runner stopped: the local workspace stopped while the job was Running; its logs are kept.")
            #expect(ws.log("running").hasPrefix("partial output\n"))
            #expect(ws.log("running").contains("the runner stopped while the job was Running; it is now Failed"))
            #expect(try await orphan.value == .signaled(SIGKILL))
            #expect(try await ws.server.mlflow.run(id: "running")?.status == .failed)
            #expect(try await ws.status("queued") == "Failed")
            #expect(try await ws.status("cancelling") == "Canceled")
            #expect(try await ws.wait(for: "waiting")["properties"]?["status"] == "Completed")
            #expect(ws.commandOutput("waiting") == ["waiting ran"])
        }
    }

    @Test func shutdownFailsRunningJobsAndPutsWaitingOnesBack() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = TestWorkspace.runnerOptions
        options.localConcurrency = 1
        let server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        let ws = TestWorkspace(server: server, directory: directory)
        try await ws.submit("first", command: "echo ready; sleep 300")
        try await ws.submit("second", command: "echo second ran")
        try await ws.wait(forLog: "ready", in: "first")
        #expect(try await ws.status("second") == "Queued")
        try await server.shutdown()

        try await TestWorkspace.with(directory: directory, options: TestWorkspace.runnerOptions) { ws in
            let first = try await ws.job("first")
            #expect(first["properties"]?["status"] == "Failed")
            #expect(
                TestWorkspace.property(first, "ErrorMessage")
                    == "runner stopped: the local workspace shut down while the job was running.")
            #expect(try await ws.wait(for: "second")["properties"]?["status"] == "Completed")
        }
    }

    @Test func trialsSubmittedThroughTheRunnerGetTheirParameters() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            var trial = JobProperties(jobType: "Command")
            trial.command = "echo lr=${{search_space.lr}} model=${{search_space.model.depth}} env=$AZUREML_SWEEP_lr"
            trial.environmentId = TestWorkspace.hostEnvironment
            trial.parentJobName = "sweep"
            trial.experimentName = "sweeps"
            try await ws.server.runner.submit(
                name: "sweep_0", properties: trial, parameters: ["lr": 0.01, "model": ["depth": 3]])
            let job = try await ws.wait(for: "sweep_0")
            #expect(job["properties"]?["status"] == "Completed")
            #expect(job["properties"]?["parameters"] == ["lr": 0.01, "model": ["depth": 3]])
            #expect(ws.commandOutput("sweep_0") == ["lr=0.01 model=3 env=0.01"])
            let listed = try await ws.arm(
                .GET, ws.workspacePath + "/jobs?parentJobName=sweep", apiVersion: APIVersion.jobs)
            #expect(listed.json["value"]?.arrayValue?.first?["name"] == "sweep_0")

            trial.command = "echo ready; sleep 300"
            try await ws.server.runner.submit(name: "sweep_1", properties: trial, parameters: ["lr": 0.1])
            try await ws.wait(forLog: "ready", in: "sweep_1")
            #expect(try await ws.server.runner.cancel("sweep_1", reason: "Early termination: bandit policy."))
            let canceled = try await ws.wait(for: "sweep_1")
            #expect(canceled["properties"]?["status"] == "Canceled")
            #expect(TestWorkspace.property(canceled, "CancelReason") == "Early termination: bandit policy.")
            #expect(try await ws.server.runner.cancel("nope") == false)

            trial.command = "echo other"
            do {
                try await ws.server.runner.submit(name: "sweep_0", properties: trial)
                Issue.record("a different job under a used name was accepted")
            } catch let error as LocalWorkspaceError {
                #expect(error.kind == "jobRejected")
            }
        }
    }

    @Test func sweepsAreLeftToTheirSchedulerWhichFollowsThemThroughTheRunner() async throws {
        var options = TestWorkspace.runnerOptions
        options.runsSweeps = false
        try await TestWorkspace.with(options: options) { ws in
            var changes = ws.server.runner.statusChanges().makeAsyncIterator()
            let sweep: JSONValue = [
                "properties": [
                    "jobType": "Sweep",
                    "trial": ["command": "python t.py", "environmentId": .string(TestWorkspace.hostEnvironment)],
                    "searchSpace": ["lr": ["uniform", [0.1, 1]]],
                    "samplingAlgorithm": ["samplingAlgorithmType": "Random"],
                    "objective": ["goal": "minimize", "primaryMetric": "loss"],
                    "limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 2],
                ]
            ]
            let path = ws.workspacePath + "/jobs/sweep"
            #expect(try await ws.arm(.PUT, path, apiVersion: APIVersion.jobs, body: sweep).status == 201)
            #expect(
                await changes.next()
                    == JobStatusChange(jobName: "sweep", jobType: "Sweep", parentJobName: nil, status: "NotStarted"))
            #expect(try await ws.status("sweep") == "NotStarted")

            let moved = try await ws.server.runner.transition(
                "sweep", from: [JobStatus.notStarted], to: JobStatus.running
            ) { run in
                run.startTimeUtc = "2026-01-01T00:00:00.000000Z"
                run.setProperty("best_child_run_id", "sweep_1")
            }
            guard case .moved(_, from: "NotStarted") = moved else {
                Issue.record("the sweep did not move: \(moved)")
                return
            }
            #expect(await changes.next()?.status == "Running")
            let job = try await ws.job("sweep")
            #expect(job["properties"]?["status"] == "Running")
            #expect(TestWorkspace.property(job, "best_child_run_id") == "sweep_1")
            #expect(TestWorkspace.property(job, "StartTimeUtc") == "2026-01-01T00:00:00.000000Z")

            #expect(try await ws.arm(.POST, path + "/cancel", apiVersion: APIVersion.jobCancel).status == 202)
            #expect(await changes.next()?.status == "CancelRequested")
            #expect(try await ws.status("sweep") == "CancelRequested")
        }
    }

    @Test func deletingARunningJobStopsIt() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let pidFile = ws.directory + "/pid"
            try await ws.submit("doomed", command: "echo $$ > \(pidFile); echo ready; sleep 300")
            try await ws.wait(forLog: "ready", in: "doomed")
            let pid = try #require(try Self.processID(in: pidFile))
            var changes = ws.server.runner.statusChanges().makeAsyncIterator()
            #expect(
                try await ws.arm(.DELETE, ws.workspacePath + "/jobs/doomed", apiVersion: APIVersion.jobs).status == 202)
            while let change = await changes.next(), !change.isDeleted {}
            try await Self.waitUntilGone(pid)
            #expect(!Self.isRunning(pid))
        }
    }

    /// The process id written in `path`.
    static func processID(in path: String) throws -> Int32? {
        Int32(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether `pid` runs: it exists and is not a zombie (an orphan's zombie lingers where nothing reaps it).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    /// Waits up to 5 seconds for `pid` to stop running.
    static func waitUntilGone(_ pid: Int32) async throws {
        for _ in 0..<100 where isRunning(pid) { try await Task.sleep(for: .milliseconds(50)) }
    }
}
