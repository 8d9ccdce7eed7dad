import AzureML

/// Where a sweep stands: its trials, their statuses and primary-metric values, and whether it was stopped. A pure
/// value that `SweepScheduler` updates from job status changes and metric events and asks what to do next: whether
/// to start another trial, which trials the early-termination policy cancels, and how the sweep ends.
public struct SweepProgress: Sendable {
    /// Why a sweep stopped starting trials before its budget was spent.
    public enum Stop: Sendable, Hashable {
        /// The sweep was canceled (or deleted), with the reason its trials record.
        case canceled(reason: String)
        /// `limits.timeout` passed.
        case timedOut
    }

    /// One trial as the sweep sees it.
    public struct Trial: Sendable, Hashable {
        /// The trial job's name, `<sweep>_<n>`.
        public let name: String
        /// The values it runs with.
        public let assignment: ParameterAssignment
        /// Its job status (`JobStatus`).
        public var status: String = JobStatus.notStarted
        /// The values it logged for the primary metric, one per interval.
        public var values: [Double] = []
        /// Why the early-termination policy canceled it.
        public var terminationReason: String?
        /// Why it failed, once it has.
        public var errorMessage: String?

        /// A trial that was just submitted.
        public init(name: String, assignment: ParameterAssignment) {
            self.name = name
            self.assignment = assignment
        }

        /// Whether it has ended.
        public var hasEnded: Bool { JobStatus.isTerminal(status) }

        /// Its objective: the last value it logged for the primary metric, if any.
        public var objective: Double? { values.last { $0.isFinite } }
    }

    /// How a sweep ends, with what its job records.
    public struct Outcome: Sendable, Hashable {
        /// `Completed`, `Failed` or `Canceled`.
        public var status: String
        /// The best trial (`SweepProgress.best`), if any.
        public var best: Trial?
        /// Why it failed.
        public var errorCode: String?
        /// What went wrong.
        public var errorMessage: String?
        /// Why it was canceled.
        public var cancelReason: String?
        /// Something the user should know about a sweep that completed.
        public var warning: String?
    }

    /// The sweep.
    public let definition: SweepDefinition
    /// Its trials in submission order (trial `n` at index `n`).
    public private(set) var trials: [Trial] = []
    /// Why it stopped early, if it did.
    public var stop: Stop?
    /// Whether the sampler has no more points (a grid that has been walked).
    public var isExhausted = false

    /// The progress of a sweep that has no trials yet.
    public init(definition: SweepDefinition) {
        self.definition = definition
    }

    /// The trials that have not ended.
    public var activeCount: Int { trials.count { !$0.hasEnded } }

    /// Whether another trial should start now: not stopped, budget and sampler not spent, and fewer than
    /// `maxConcurrentTrials` trials active.
    public var wantsAnotherTrial: Bool {
        stop == nil && !isExhausted && trials.count < definition.maxTotalTrials
            && activeCount < definition.maxConcurrentTrials
    }

    /// Adds the next trial; returns its index.
    @discardableResult
    public mutating func addTrial(_ assignment: ParameterAssignment) -> Int {
        trials.append(Trial(name: definition.trialName(trials.count), assignment: assignment))
        return trials.count - 1
    }

    /// The index of trial `name`.
    public func index(of name: String) -> Int? {
        trials.firstIndex { $0.name == name }
    }

    /// Records trial `name`'s new status; an ended trial keeps its terminal status.
    public mutating func setStatus(_ status: String, of name: String, errorMessage: String? = nil) {
        guard let index = index(of: name), !trials[index].hasEnded else { return }
        trials[index].status = status
        if let errorMessage { trials[index].errorMessage = errorMessage }
    }

    /// Appends a logged value of the primary metric to a trial that has not ended.
    public mutating func append(_ value: Double, to name: String) {
        guard let index = index(of: name), !trials[index].hasEnded else { return }
        trials[index].values.append(value)
    }

    /// Replaces a trial's values with its full history (once it has ended, from the store).
    public mutating func setValues(_ values: [Double], of name: String) {
        guard let index = index(of: name) else { return }
        trials[index].values = values
    }

    /// The trials the early-termination policy cancels now, each once, marking them so they are not cancelled
    /// again: running trials are judged against every trial that reached the same interval.
    public mutating func terminations() -> [TerminationDecision] {
        guard let policy = definition.policy, stop == nil else { return [] }
        let metrics = trials.filter { !$0.values.isEmpty }.map { trial in
            TrialMetrics(
                trial: trial.name, values: trial.values, isRunning: !trial.hasEnded && trial.terminationReason == nil)
        }
        let decisions = policy.decisions(for: metrics, objective: definition.objective)
        for decision in decisions {
            if let index = index(of: decision.trial) { trials[index].terminationReason = decision.reason }
        }
        return decisions
    }

    /// What the sampler knows: every trial's values and outcome (running, a final objective, or none).
    public var observations: [TrialObservation] {
        trials.map { trial in
            guard trial.hasEnded else { return TrialObservation(trial.assignment, .running) }
            if let objective = trial.objective { return TrialObservation(trial.assignment, .observed(objective)) }
            return TrialObservation(trial.assignment, .missing)
        }
    }

    /// The best ended trial that did not fail, by its last value of the primary metric (the earliest on ties).
    ///
    /// Trials the early-termination policy (or the sweep's timeout) canceled count with the last value they logged, as
    /// Azure ML's best-run lookup includes canceled runs: with metrics that MLflow logs in batches (autologging), a
    /// terminated trial has often logged its whole curve. Failed trials and trials without a value never count.
    public var best: Trial? {
        var best: Trial?
        for trial in trials where trial.hasEnded && trial.status != JobStatus.failed {
            guard let value = trial.objective else { continue }
            if let current = best?.objective, !definition.objective.goal.isBetter(value, than: current) { continue }
            best = trial
        }
        return best
    }

    /// How the sweep ends, or nil while a trial is active or more are to come.
    ///
    /// Canceled when it was canceled; otherwise Completed with the best trial when there is one (`best`).
    /// Without one: Failed when every trial failed, Failed (`JobTimeout`) when the timeout passed, and otherwise
    /// Completed with a warning that no trial logged the primary metric.
    public var outcome: Outcome? {
        guard activeCount == 0 else { return nil }
        if case .canceled(let reason) = stop {
            return Outcome(status: JobStatus.canceled, best: best, cancelReason: reason)
        }
        if stop == nil && !isExhausted && trials.count < definition.maxTotalTrials { return nil }
        let metric = definition.objective.primaryMetric
        let count = trials.count == 1 ? "1 trial" : "\(trials.count) trials"
        var timeoutNote: String?
        if stop == .timedOut, let timeout = definition.timeout {
            timeoutNote =
                "The sweep's timeout (\(timeout.limit)) passed after \(count) of at most "
                + "\(definition.maxTotalTrials); the trials still running were canceled."
        }
        if let best {
            return Outcome(status: JobStatus.completed, best: best, warning: timeoutNote)
        }
        if !trials.isEmpty && trials.allSatisfy({ $0.status == JobStatus.failed }) {
            let first = trials[0]
            let reason = first.errorMessage.map { ": \($0)" } ?? "."
            return Outcome(
                status: JobStatus.failed, errorCode: "AllTrialsFailed",
                errorMessage: "Every trial failed (\(count)); the first, \(first.name), failed\(reason)")
        }
        if let timeoutNote {
            return Outcome(
                status: JobStatus.failed, errorCode: "JobTimeout",
                errorMessage: timeoutNote + " No trial logged a value of \(metric).")
        }
        return Outcome(
            status: JobStatus.completed,
            warning: "No trial logged a value of \(metric) and ended without failing, so the sweep has no best trial.")
    }
}
