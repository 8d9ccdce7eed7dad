#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a job ends, decided from how its process ended and why it was stopped: a pure function, so every rule has a
/// test without a process.
struct JobOutcome: Sendable, Hashable {
    /// Why the runner stopped a job before its process ended by itself.
    enum StopReason: Sendable, Hashable {
        /// `POST .../cancel`, or a scheduler's cancel with its reason.
        case cancel(reason: String?)
        /// `limits.timeout` passed; the job's limit as written and in seconds.
        case timeout(limit: String, seconds: Double)
        /// The server shut down.
        case shutdown
    }

    /// How the process ended.
    enum Termination: Sendable, Hashable {
        /// It exited with this code.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)
    }

    /// `Completed`, `Failed` or `Canceled`.
    var status: String
    /// Why it failed (`UserError`, `JobTimeout`, `RunnerStopped`).
    var errorCode: String?
    /// What went wrong, for `Failed` jobs.
    var errorMessage: String?
    /// Why it was cancelled, for `Canceled` jobs.
    var cancelReason: String?
    /// Something the user should know about a `Completed` job.
    var warning: String?
    /// The MLflow run's final status (`FINISHED`, `FAILED`, `KILLED`), set when the script left it unfinished.
    var mlflowStatus: String

    /// The outcome of a process that ran. `mlflowStatus` is the run's status as the script left it (`RUNNING` when
    /// it never ended the run); `logTail` the last lines of the job's log.
    static func decide(
        termination: Termination, stop: StopReason?, mlflowStatus: String?, logTail: String
    ) -> JobOutcome {
        switch stop {
        case .cancel(let reason):
            return JobOutcome(
                status: JobStatus.canceled, cancelReason: reason ?? "Canceled on request.", mlflowStatus: "KILLED")
        case .timeout(let limit, let seconds):
            return failed(
                code: "JobTimeout",
                message: "The job ran longer than its timeout (\(limit), \(Self.seconds(seconds))) and was stopped.")
        case .shutdown:
            return failed(
                code: "RunnerStopped",
                message: "runner stopped: the local workspace shut down while the job was running.")
        case nil:
            break
        }
        let tail = logTail.isEmpty ? "" : " Last lines of user_logs/std_log.txt:\n" + logTail
        switch termination {
        case .exited(0):
            var outcome = JobOutcome(status: JobStatus.completed, mlflowStatus: "FINISHED")
            if mlflowStatus == "FAILED" {
                outcome.warning =
                    "The command exited with code 0, but its MLflow run ended FAILED: some of its metrics, parameters "
                    + "or artifacts may be missing. Check user_logs/std_log.txt."
                outcome.mlflowStatus = "FAILED"
            }
            return outcome
        case .exited(let code):
            return failed(code: "UserError", message: "Execution failed: the command exited with code \(code).\(tail)")
        case .signaled(let signal):
            return failed(
                code: "UserError",
                message: "Execution failed: the command was killed by signal \(signal)\(signalName(signal)).\(tail)")
        }
    }

    /// A job that failed before its process started (an environment that did not build, an input that does not
    /// resolve).
    static func failed(code: String, message: String) -> JobOutcome {
        JobOutcome(status: JobStatus.failed, errorCode: code, errorMessage: message, mlflowStatus: "FAILED")
    }

    /// A job cancelled before its process started.
    static func canceled(reason: String?) -> JobOutcome {
        JobOutcome(status: JobStatus.canceled, cancelReason: reason ?? "Canceled on request.", mlflowStatus: "KILLED")
    }

    private static func seconds(_ value: Double) -> String {
        let whole = value.rounded()
        if whole == value { return whole == 1 ? "1 second" : "\(Int(whole)) seconds" }
        return "\(value) seconds"
    }

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGABRT: "SIGABRT",
            SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE",
            SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
        ]
        return names[signal].map { " (\($0))" } ?? ""
    }
}
