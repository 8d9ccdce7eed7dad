import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct SweepProgressTests {
    static func progress(total: Int = 3, concurrent: Int = 2, policy: JSONValue? = nil, timeout: String? = nil) throws
        -> SweepProgress
    {
        var limits: JSONObject = [
            "jobLimitsType": "Sweep", "maxTotalTrials": .int(total), "maxConcurrentTrials": .int(concurrent),
        ]
        if let timeout { limits["timeout"] = .string(timeout) }
        var properties: JSONObject = [
            "jobType": "Sweep",
            "trial": ["command": "python t.py", "environmentId": "env"],
            "searchSpace": ["x": ["uniform", [0, 1]]],
            "samplingAlgorithm": ["samplingAlgorithmType": "Random"],
            "objective": ["goal": "maximize", "primaryMetric": "acc"],
            "limits": .object(limits),
        ]
        if let policy { properties["earlyTermination"] = policy }
        return SweepProgress(definition: try SweepDefinition(name: "s", properties: properties))
    }

    static func point(_ x: Double) -> ParameterAssignment { ParameterAssignment(["x": .double(x)]) }

    @Test func startsTrialsUpToTheConcurrencyAndTheTotal() throws {
        var progress = try Self.progress(total: 3, concurrent: 2)
        #expect(progress.wantsAnotherTrial)
        progress.addTrial(Self.point(0.1))
        progress.addTrial(Self.point(0.2))
        #expect(progress.trials.map(\.name) == ["s_0", "s_1"])
        #expect(!progress.wantsAnotherTrial)
        #expect(progress.outcome == nil)
        progress.setStatus(JobStatus.completed, of: "s_0")
        #expect(progress.wantsAnotherTrial)
        progress.addTrial(Self.point(0.3))
        progress.setStatus(JobStatus.completed, of: "s_1")
        #expect(!progress.wantsAnotherTrial)
        #expect(progress.outcome == nil)
        progress.setStatus(JobStatus.failed, of: "s_2")
        #expect(progress.outcome?.status == JobStatus.completed)
        // An ended trial keeps its status.
        progress.setStatus(JobStatus.running, of: "s_2")
        #expect(progress.trials[2].status == JobStatus.failed)
    }

    @Test func theBestIsTheEndedTrialWithTheBestLastValueThatDidNotFail() throws {
        var progress = try Self.progress(total: 5, concurrent: 5)
        for x in [0.1, 0.2, 0.3, 0.4, 0.5] { progress.addTrial(Self.point(x)) }
        progress.setValues([0.5, 0.9], of: "s_0")
        progress.setValues([0.95, 0.7], of: "s_1")
        progress.setValues([0.99], of: "s_2")
        progress.setValues([0.9], of: "s_3")
        progress.setValues([0.999], of: "s_4")
        for name in ["s_0", "s_1", "s_3"] { progress.setStatus(JobStatus.completed, of: name) }
        progress.setStatus(JobStatus.failed, of: "s_2")
        // s_2 logged the best value but failed; s_4 has not ended; s_0 and s_3 tie and the earlier wins; s_1's last
        // value counts, not its best.
        #expect(progress.best?.name == "s_0")
        #expect(progress.best?.objective == 0.9)
        progress.setStatus(JobStatus.canceled, of: "s_4")
        // A trial canceled (by the policy or the timeout) counts with its last value.
        let outcome = try #require(progress.outcome)
        #expect(outcome.status == JobStatus.completed)
        #expect(outcome.best?.name == "s_4")
        #expect(outcome.best?.objective == 0.999)
        #expect(outcome.warning == nil)
    }

    @Test func observationsFeedEndedObjectivesToTheSampler() throws {
        var progress = try Self.progress(total: 3, concurrent: 3)
        for x in [0.1, 0.2, 0.3] { progress.addTrial(Self.point(x)) }
        progress.append(0.4, to: "s_0")
        progress.append(0.6, to: "s_0")
        progress.setStatus(JobStatus.completed, of: "s_0")
        progress.setStatus(JobStatus.failed, of: "s_1")
        progress.append(0.8, to: "s_2")
        #expect(
            progress.observations == [
                TrialObservation(Self.point(0.1), .observed(0.6)), TrialObservation(Self.point(0.2), .missing),
                TrialObservation(Self.point(0.3), .running),
            ])
        // Values logged after a trial ended are ignored.
        progress.append(0.9, to: "s_0")
        #expect(progress.trials[0].values == [0.4, 0.6])
    }

    @Test func everyTrialFailingFailsTheSweep() throws {
        var progress = try Self.progress(total: 2, concurrent: 2)
        progress.addTrial(Self.point(0.1))
        progress.addTrial(Self.point(0.2))
        progress.setStatus(JobStatus.failed, of: "s_0", errorMessage: "Execution failed: exit 1.")
        progress.setStatus(JobStatus.failed, of: "s_1", errorMessage: "Execution failed: exit 2.")
        #expect(
            progress.outcome
                == SweepProgress.Outcome(
                    status: JobStatus.failed, errorCode: "AllTrialsFailed",
                    errorMessage: "Every trial failed (2 trials); the first, s_0, failed: Execution failed: exit 1."))
    }

    @Test func aTimeoutEndsTheSweepOnceItsTrialsHaveEnded() throws {
        var progress = try Self.progress(total: 5, concurrent: 2, timeout: "PT30S")
        progress.addTrial(Self.point(0.1))
        progress.addTrial(Self.point(0.2))
        progress.stop = .timedOut
        #expect(!progress.wantsAnotherTrial)
        #expect(progress.outcome == nil)
        progress.setStatus(JobStatus.canceled, of: "s_0")
        progress.setStatus(JobStatus.canceled, of: "s_1")
        #expect(
            progress.outcome
                == SweepProgress.Outcome(
                    status: JobStatus.failed, errorCode: "JobTimeout",
                    errorMessage:
                        "The sweep's timeout (PT30S) passed after 2 trials of at most 5; the trials still running were "
                        + "canceled. No trial logged a value of acc."))
    }

    @Test func aTimeoutAfterATrialCompletedEndsTheSweepCompletedWithAWarning() throws {
        var progress = try Self.progress(total: 5, concurrent: 2, timeout: "PT30S")
        progress.addTrial(Self.point(0.1))
        progress.addTrial(Self.point(0.2))
        progress.setValues([0.7], of: "s_0")
        progress.setStatus(JobStatus.completed, of: "s_0")
        progress.addTrial(Self.point(0.3))
        progress.stop = .timedOut
        progress.setStatus(JobStatus.canceled, of: "s_1")
        progress.setStatus(JobStatus.canceled, of: "s_2")
        let outcome = try #require(progress.outcome)
        #expect(outcome.status == JobStatus.completed)
        #expect(outcome.best?.name == "s_0")
        #expect(
            outcome.warning
                == "The sweep's timeout (PT30S) passed after 3 trials of at most 5; the trials still running were "
                + "canceled.")
    }

    @Test func aCanceledSweepEndsCanceledOnceItsTrialsHaveEnded() throws {
        var progress = try Self.progress()
        progress.addTrial(Self.point(0.1))
        progress.stop = .canceled(reason: "The sweep s was canceled.")
        #expect(!progress.wantsAnotherTrial)
        #expect(progress.outcome == nil)
        progress.setStatus(JobStatus.canceled, of: "s_0")
        #expect(
            progress.outcome
                == SweepProgress.Outcome(status: JobStatus.canceled, cancelReason: "The sweep s was canceled."))
    }

    @Test func anExhaustedSamplerEndsTheSweepEarly() throws {
        var progress = try Self.progress(total: 10, concurrent: 2)
        progress.addTrial(Self.point(0.1))
        progress.setValues([0.5], of: "s_0")
        progress.setStatus(JobStatus.completed, of: "s_0")
        #expect(progress.outcome == nil)
        progress.isExhausted = true
        #expect(progress.outcome?.best?.name == "s_0")
    }

    @Test func terminationsCancelEachLaggingTrialOnce() throws {
        let policy: JSONValue = ["policyType": "Bandit", "slackAmount": 0.1, "evaluationInterval": 1]
        var progress = try Self.progress(total: 3, concurrent: 3, policy: policy)
        for x in [0.1, 0.2, 0.3] { progress.addTrial(Self.point(x)) }
        progress.append(0.9, to: "s_0")
        progress.append(0.85, to: "s_2")
        #expect(progress.terminations().isEmpty)
        progress.append(0.5, to: "s_1")
        let decisions = progress.terminations()
        #expect(decisions.map(\.trial) == ["s_1"])
        #expect(decisions.first?.interval == 1)
        #expect(progress.trials[1].terminationReason == decisions.first?.reason)
        progress.append(0.4, to: "s_1")
        progress.append(0.9, to: "s_0")
        #expect(progress.terminations().isEmpty)
        // A stopped sweep terminates nothing more.
        progress.append(0.1, to: "s_2")
        progress.stop = .timedOut
        #expect(progress.terminations().isEmpty)
    }
}
