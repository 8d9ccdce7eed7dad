import Testing

@testable import LocalWorkspace

@Suite struct JobOutcomeTests {
    @Test func exitCodesDecideTheStatus() {
        let completed = JobOutcome.decide(termination: .exited(0), stop: nil, mlflowStatus: "FINISHED", logTail: "x")
        #expect(completed == JobOutcome(status: "Completed", mlflowStatus: "FINISHED"))
        let failed = JobOutcome.decide(termination: .exited(2), stop: nil, mlflowStatus: nil, logTail: "a\nb")
        #expect(failed.status == "Failed")
        #expect(failed.errorCode == "UserError")
        #expect(
            failed.errorMessage
                == "Execution failed: the command exited with code 2. Last lines of user_logs/std_log.txt:\na\nb")
        #expect(failed.mlflowStatus == "FAILED")
        let quiet = JobOutcome.decide(termination: .exited(1), stop: nil, mlflowStatus: nil, logTail: "")
        #expect(quiet.errorMessage == "Execution failed: the command exited with code 1.")
        let killed = JobOutcome.decide(termination: .signaled(9), stop: nil, mlflowStatus: nil, logTail: "")
        #expect(killed.errorMessage == "Execution failed: the command was killed by signal 9 (SIGKILL).")
    }

    @Test func aFailedMLflowRunWarnsButCompletes() {
        let outcome = JobOutcome.decide(termination: .exited(0), stop: nil, mlflowStatus: "FAILED", logTail: "")
        #expect(outcome.status == "Completed")
        #expect(
            outcome.warning
                == "The command exited with code 0, but its MLflow run ended FAILED: some of its metrics, parameters "
                + "or artifacts may be missing. Check user_logs/std_log.txt.")
        #expect(outcome.mlflowStatus == "FAILED")
    }

    @Test func stopsWinOverTheExitCode() {
        let canceled = JobOutcome.decide(
            termination: .exited(0), stop: .cancel(reason: "policy"), mlflowStatus: nil, logTail: "")
        #expect(canceled == JobOutcome(status: "Canceled", cancelReason: "policy", mlflowStatus: "KILLED"))
        let timedOut = JobOutcome.decide(
            termination: .signaled(15), stop: .timeout(limit: "PT1M30S", seconds: 90), mlflowStatus: nil, logTail: "")
        #expect(timedOut.errorCode == "JobTimeout")
        #expect(timedOut.errorMessage == "The job ran longer than its timeout (PT1M30S, 90 seconds) and was stopped.")
        let stopped = JobOutcome.decide(termination: .signaled(15), stop: .shutdown, mlflowStatus: nil, logTail: "")
        #expect(stopped.errorCode == "RunnerStopped")
        #expect(stopped.status == "Failed")
    }
}
