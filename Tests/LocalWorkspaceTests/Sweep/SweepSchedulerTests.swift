import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// The sweep scheduler on a real server: synthetic trials (`Fixtures/sweep/curves.py`) log `loss` through the MLflow
/// REST API with urllib.
@Suite struct SweepSchedulerTests {
    @Test func trialsRespectTheLimitsAndTheBestTrialIsRecorded() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            let watch = ws.watchTrials(of: "limits")
            try await ws.putSweep(
                "limits",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.x}} 0.3",
                    searchSpace: ["x": ["uniform", [1, 2]]], sampling: ["samplingAlgorithmType": "Random", "seed": 3],
                    limits: ["maxTotalTrials": 5, "maxConcurrentTrials": 2]))
            let sweep = try await ws.wait(for: "limits")
            let seen = await watch.value
            #expect(sweep["properties"]?["status"] == "Completed")
            #expect(seen.maxActive == 2)
            #expect(seen.maxRunning <= 2)
            #expect(seen.seen.count == 5)

            let trials = try await ws.trials(of: "limits")
            #expect(trials.compactMap { $0["name"]?.stringValue } == (0..<5).map { "limits_\($0)" })
            var best: (name: String, x: Double)?
            for trial in trials {
                let properties = try #require(trial["properties"])
                #expect(properties["status"] == "Completed")
                #expect(properties["parentJobName"] == "limits")
                #expect(properties["experimentName"] == "sweeps")
                #expect(properties["tags"] == ["team": "ml"])
                #expect(properties["displayName"] == trial["name"])
                let x = try #require(properties["parameters"]?["x"]?.doubleValue)
                #expect(x >= 1 && x < 2)
                let name = try #require(trial["name"]?.stringValue)
                #expect(ws.commandOutput(name) == ["logged \(ParameterAssignment.commandText(.double(x)))"])
                if best == nil || x < best!.x { best = (name, x) }
            }
            let winner = try #require(best)
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == winner.name)
            #expect(
                TestWorkspace.property(sweep, "BestTrialObjective")
                    == ParameterAssignment.commandText(.double(winner.x)))
            #expect(TestWorkspace.property(sweep, "score") == ParameterAssignment.commandText(.double(winner.x)))
            #expect(
                TestWorkspace.property(sweep, "BestTrialParameters")
                    == "{\"x\":\(ParameterAssignment.commandText(.double(winner.x)))}")
            #expect(TestWorkspace.property(sweep, "SamplingSeed") == "3")
            #expect(TestWorkspace.property(sweep, "TrialSummary") == "5 trials: 5 completed, 0 failed, 0 canceled")
            #expect(TestWorkspace.property(sweep, "StartTimeUtc") != nil)
            #expect(TestWorkspace.property(sweep, "EndTimeUtc") != nil)
        }
    }

    @Test func trialsNeverRunMoreAtOnceThanTheirComputeAllows() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            try await ws.createCompute("one", maxNodeCount: 1)
            let code = try await ws.uploadCurves()
            var body = ws.sweepBody(
                codeId: code, command: "python3 curves.py ${{search_space.curve}} 0.2",
                searchSpace: ["curve": ["choice", [["0.3/0.2", "0.4/0.1", "0.5/0.3"]]]],
                limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 3])
            var properties = try #require(body["properties"]?.objectValue)
            properties["computeId"] = .string(ws.workspacePath + "/computes/one")
            body = ["properties": .object(properties)]
            let watch = ws.watchTrials(of: "pool")
            try await ws.putSweep("pool", body)
            let sweep = try await ws.wait(for: "pool")
            let seen = await watch.value
            #expect(sweep["properties"]?["status"] == "Completed")
            #expect(seen.maxActive == 3)
            #expect(seen.maxRunning == 1)
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == "pool_1")
            let trials = try await ws.trials(of: "pool")
            #expect(
                trials.allSatisfy { $0["properties"]?["computeId"]?.stringValue?.hasSuffix("/computes/one") == true })
        }
    }

    @Test func theSameSeedGivesTheSameTrialsAsTheSampler() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            let space: JSONObject = ["x": ["uniform", [0, 1]], "kind": ["choice", [["a", "b", "c"]]]]
            for (name, seed) in [("first", 11), ("second", 11), ("third", 12)] {
                try await ws.putSweep(
                    name,
                    ws.sweepBody(
                        codeId: code, command: "echo ${{search_space.kind}}", searchSpace: space,
                        sampling: ["samplingAlgorithmType": "Random", "seed": .int(seed)],
                        limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 3]))
            }
            var parameters: [String: [JSONValue]] = [:]
            for name in ["first", "second", "third"] {
                let sweep = try await ws.wait(for: name)
                #expect(sweep["properties"]?["status"] == "Completed")
                #expect(
                    TestWorkspace.property(sweep, "Warning")
                        == "No trial logged a value of loss and ended without failing, so the sweep has no best trial.")
                #expect(TestWorkspace.property(sweep, "best_child_run_id") == nil)
                parameters[name] = try await ws.trials(of: name).map { $0["properties"]?["parameters"] ?? .null }
            }
            var sampler = try SweepSampler(
                space: SearchSpace(wire: .object(space)), algorithm: .random(rule: .random, seed: 11, logBase: nil),
                goal: .minimize)
            let expected = (0..<3).compactMap { _ in sampler.next()?.json }
            #expect(parameters["first"] == expected)
            #expect(parameters["second"] == expected)
            #expect(parameters["third"] != expected)
        }
    }

    @Test func aSweepSurvivesFailingTrials() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            try await ws.putSweep(
                "mixed",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["fail", "0.9/0.3", "fail", "0.2"]]]],
                    limits: ["maxTotalTrials": 10, "maxConcurrentTrials": 2]))
            let sweep = try await ws.wait(for: "mixed")
            #expect(sweep["properties"]?["status"] == "Completed")
            let statuses = try await ws.trials(of: "mixed").map { $0["properties"]?["status"]?.stringValue ?? "" }
            #expect(statuses == ["Failed", "Completed", "Failed", "Completed"])
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == "mixed_3")
            #expect(TestWorkspace.property(sweep, "BestTrialObjective") == "0.2")
            #expect(TestWorkspace.property(sweep, "BestTrialParameters") == #"{"curve":"0.2"}"#)
            #expect(TestWorkspace.property(sweep, "TrialSummary") == "4 trials: 2 completed, 2 failed, 0 canceled")
            #expect(TestWorkspace.property(sweep, "ErrorMessage") == nil)

            let log = ws.runnerLines("mixed")
            #expect(
                log.first?.hasPrefix("sweep mixed is Running: up to 10 trials, 2 at a time; grid sampling (seed ")
                    == true)
            #expect(log.first?.hasSuffix("); minimize loss") == true)
            #expect(log.contains(#"trial mixed_0 submitted with {"curve":"fail"}"#))
            #expect(log.contains(#"trial mixed_3 submitted with {"curve":"0.2"}"#))
            #expect(log.contains("trial mixed_1 Completed: loss 0.3 (the last of 2 values)"))
            #expect(log.contains("trial mixed_3 Completed: loss 0.2 (the last of 1 value)"))
            #expect(
                log.contains(
                    "trial mixed_0 Failed: no value of loss; Execution failed: the command exited with code 3. Last "
                        + "lines of user_logs/std_log.txt:"))
            #expect(log.contains("best trial so far: mixed_3 with 0.2"))
            #expect(
                log.last
                    == #"sweep mixed Completed: 4 trials: 2 completed, 2 failed, 0 canceled; best trial mixed_3 "#
                    + #"{"curve":"0.2"} loss 0.2"#)
        }
    }

    @Test func aSweepWhoseTrialsAllFailFails() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            try await ws.putSweep(
                "broken",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["fail", "fail"]]]], limits: ["maxTotalTrials": 2]))
            let sweep = try await ws.wait(for: "broken")
            #expect(sweep["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(sweep, "ErrorCode") == "AllTrialsFailed")
            let message = try #require(TestWorkspace.property(sweep, "ErrorMessage"))
            #expect(
                message.hasPrefix(
                    "Every trial failed (2 trials); the first, broken_0, failed: Execution failed: the command exited "
                        + "with code 3."))
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == nil)
        }
    }

    @Test func eachTrialHasTheTrialTimeout() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            try await ws.putSweep(
                "slow",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["sleep"]]]],
                    limits: ["maxTotalTrials": 1, "trialTimeout": "PT1S"]))
            let sweep = try await ws.wait(for: "slow")
            let trial = try await ws.job("slow_0")
            #expect(trial["properties"]?["limits"]?["timeout"] == "PT1S")
            #expect(TestWorkspace.property(trial, "ErrorCode") == "JobTimeout")
            #expect(sweep["properties"]?["status"] == "Failed")
            #expect(
                TestWorkspace.property(sweep, "ErrorMessage")
                    == "Every trial failed (1 trial); the first, slow_0, failed: The job ran longer than its timeout "
                    + "(PT1S, 1 second) and was stopped.")
        }
    }

    @Test func theSweepTimeoutCancelsRunningTrialsAndEndsTheSweep() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            // Sleeping trials never end by themselves, so however loaded the machine, the timeout finds the first two
            // trials active (running or still starting) and the third never submitted.
            try await ws.putSweep(
                "timed",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["sleep", "sleep", "sleep"]]]],
                    limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 2, "timeout": "PT3S"]))
            let sweep = try await ws.wait(for: "timed")
            #expect(sweep["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(sweep, "ErrorCode") == "JobTimeout")
            #expect(
                TestWorkspace.property(sweep, "ErrorMessage")
                    == "The sweep's timeout (PT3S) passed after 2 trials of at most 3; the trials still running were "
                    + "canceled. No trial logged a value of loss.")
            let trials = try await ws.trials(of: "timed")
            #expect(trials.count == 2)
            for trial in trials {
                #expect(trial["properties"]?["status"] == "Canceled")
                #expect(TestWorkspace.property(trial, "CancelReason") == "The sweep's timeout (PT3S) passed.")
            }
        }
    }

    @Test func cancelingTheSweepCancelsItsTrials() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            try await ws.putSweep(
                "stopme",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["sleep", "sleep", "sleep"]]]],
                    limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 2]))
            try await ws.wait(forLog: "ready", in: "stopme_0")
            try await ws.wait(forLog: "ready", in: "stopme_1")
            let cancel = try await ws.arm(
                .POST, ws.workspacePath + "/jobs/stopme/cancel", apiVersion: APIVersion.jobCancel)
            #expect(cancel.status == 202)
            let sweep = try await ws.wait(for: "stopme")
            #expect(sweep["properties"]?["status"] == "Canceled")
            #expect(TestWorkspace.property(sweep, "CancelReason") == "The sweep stopme was canceled.")
            let trials = try await ws.trials(of: "stopme")
            #expect(trials.count == 2)
            for trial in trials {
                #expect(trial["properties"]?["status"] == "Canceled")
                #expect(TestWorkspace.property(trial, "CancelReason") == "The sweep stopme was canceled.")
            }
        }
    }

    @Test func theBanditPolicyCancelsTheLaggingTrial() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let code = try await ws.uploadCurves()
            let good = "1/0.5/0.4/0.3/0.3/0.3/0.3/0.3"
            let bad = (1...40).map(String.init).joined(separator: "/")
            let close = "1/0.55/0.45/0.4/0.38/0.36/0.35/0.35"
            try await ws.putSweep(
                "bandit",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}} 0.25",
                    searchSpace: ["curve": ["choice", [[.string(good), .string(bad), .string(close)]]]],
                    limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 3],
                    earlyTermination: [
                        "policyType": "Bandit", "slackAmount": 0.2, "evaluationInterval": 1, "delayEvaluation": 2,
                    ]))
            let sweep = try await ws.wait(for: "bandit")
            #expect(sweep["properties"]?["status"] == "Completed")
            let trials = try await ws.trials(of: "bandit")
            #expect(trials.map { $0["properties"]?["status"]?.stringValue } == ["Completed", "Canceled", "Completed"])
            let reason = try #require(TestWorkspace.property(trials[1], "CancelReason"))
            #expect(reason.hasPrefix("Bandit policy: loss "))
            #expect(reason.contains("is outside slack amount 0.2 of the best value"))
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == "bandit_0")
            #expect(TestWorkspace.property(sweep, "BestTrialObjective") == "0.3")
            #expect(
                TestWorkspace.property(sweep, "TrialSummary")
                    == "3 trials: 2 completed, 0 failed, 1 canceled, 1 of them by the early-termination policy")
        }
    }

    @Test func aSweepInProgressEndsFailedWhenTheServerStopsAndItsWaitingTrialsNeverRun() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = TestWorkspace.sweepOptions
        options.localConcurrency = 1
        let server = try await LocalWorkspaceServer.start(directory: directory, options: options)
        let first = TestWorkspace(server: server, directory: directory)
        let code = try await first.uploadCurves()
        try await first.putSweep(
            "restart",
            first.sweepBody(
                codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                searchSpace: ["curve": ["choice", [["sleep", "sleep", "sleep"]]]],
                limits: ["maxTotalTrials": 3, "maxConcurrentTrials": 3]))
        try await first.wait(forLog: "ready", in: "restart_0")
        #expect(try await first.status("restart_1") == "Queued")
        try await server.shutdown()

        try await TestWorkspace.with(directory: directory, options: options) { ws in
            let sweep = try await ws.job("restart")
            #expect(sweep["properties"]?["status"] == "Failed")
            #expect(TestWorkspace.property(sweep, "ErrorCode") == "RunnerStopped")
            #expect(
                TestWorkspace.property(sweep, "ErrorMessage")
                    == "runner stopped: the local workspace shut down while the sweep was running; its trials were "
                    + "stopped.")
            #expect(
                TestWorkspace.property(sweep, "TrialSummary")
                    == "3 trials: 0 completed, 0 failed, 0 canceled, 3 in progress")
            #expect(try await ws.status("restart_0") == "Failed")
            for name in ["restart_1", "restart_2"] {
                let trial = try await ws.job(name)
                #expect(trial["properties"]?["status"] == "Canceled")
                #expect(
                    TestWorkspace.property(trial, "CancelReason")
                        == "The sweep restart ended (Failed) before this trial started.")
            }
            #expect(try await ws.trials(of: "restart").count == 3)
        }
    }

    @Test func aSweepLeftNotStartedRunsOnTheNextStart() async throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var idle = TestWorkspace.sweepOptions
        idle.runsJobs = false
        let code = try await TestWorkspace.with(directory: directory, options: idle) { ws in
            let code = try await ws.uploadCurves()
            try await ws.putSweep(
                "later",
                ws.sweepBody(
                    codeId: code, command: "python3 curves.py ${{search_space.curve}}",
                    searchSpace: ["curve": ["choice", [["0.4", "0.1"]]]], limits: ["maxTotalTrials": 2]))
            return code
        }
        #expect(code.hasSuffix("/versions/1"))
        try await TestWorkspace.with(directory: directory, options: TestWorkspace.sweepOptions) { ws in
            let sweep = try await ws.wait(for: "later")
            #expect(sweep["properties"]?["status"] == "Completed")
            #expect(TestWorkspace.property(sweep, "best_child_run_id") == "later_1")
        }
    }

    @Test func aSweepTheSchedulerCannotRunIsRefused() async throws {
        try await TestWorkspace.with(options: TestWorkspace.sweepOptions) { ws in
            let body = ws.sweepBody(
                codeId: ws.workspacePath + "/codes/none/versions/1", command: "echo",
                searchSpace: ["x": ["uniform", [0, 1]]], limits: ["maxTotalTrials": 2])
            let response = try await ws.arm(
                .PUT, ws.workspacePath + "/jobs/grid", apiVersion: APIVersion.jobs, body: body)
            #expect(response.status == 400)
            #expect(response.errorCode == "UserError")
            #expect(
                response.errorMessage
                    == "Invalid sweep: searchSpace.x: grid sampling supports only choice distributions, found uniform")
        }
    }
}
