import AzureML
import DeployYAML

/// Runs the sweep jobs of a local workspace on top of the `JobRunner`, started and stopped with the server.
///
/// A sweep PUT through the API (or found `NotStarted` at start) goes `NotStarted` → `Running` and submits trial
/// command jobs `<sweep>_0`, `<sweep>_1`, ... through `JobRunner.submit`, at most `maxConcurrentTrials` active at once
/// and `maxTotalTrials` in all (the trials then wait in their compute's queue like any job). Each trial's values come
/// from a `SweepSampler` seeded once per sweep (recorded as `SamplingSeed`); Bayesian sampling sees every ended
/// trial's objective. Each value a trial logs for the primary metric through MLflow is one interval: the
/// early-termination policy is applied as it arrives and the trials it terminates are canceled with its reason. A
/// trial's objective is the last value in its metric history once it has ended.
///
/// What happens is written to the sweep's log (`runs/<sweep>/user_logs/std_log.txt`, served by the logs route like a
/// command job's): each trial submitted with its values, each trial's end with its objective or reason, early
/// terminations, the best trial so far, and how the sweep ended.
///
/// A sweep ends once no trial is active and no more will start: `Completed` with the best trial recorded
/// (`SweepProgress.best`, `SweepRunProperties`), `Failed` when every trial failed or its timeout passed before any
/// trial logged a value, `Canceled` when it was canceled (its trials are canceled first). `limits.timeout` cancels the running
/// trials; `limits.trialTimeout` is each trial's own timeout.
///
/// Restarts follow the runner's recovery: on shutdown, sweeps in progress end `Failed` (`RunnerStopped`, "runner
/// stopped") and their trials are stopped by the runner; a sweep a crashed server left `Running` is ended the same way
/// by `JobRunner.recover`, and `recover()` then cancels trials of ended sweeps that had not started, so nothing runs
/// for a sweep that has ended and nothing hangs. A sweep still `NotStarted` starts on the next start.
public actor SweepScheduler {
    private struct ActiveSweep {
        var progress: SweepProgress
        var sampler: SweepSampler
        var timer: Task<Void, Never>?
        var bestRecorded: String?
    }

    private let directory: String
    private let store: WorkspaceStore
    private let mlflow: MLflowStore
    private let runner: JobRunner
    private var sweeps: [String: ActiveSweep] = [:]
    /// Trial job name → its sweep.
    private var trialSweeps: [String: String] = [:]
    /// MLflow run id → trial job name.
    private var runTrials: [String: String] = [:]
    private var loops: [Task<Void, Never>] = []
    private var isStopping = false

    init(directory: String, store: WorkspaceStore, mlflow: MLflowStore, runner: JobRunner) {
        self.directory = directory
        self.store = store
        self.mlflow = mlflow
        self.runner = runner
    }

    // MARK: Lifecycle

    /// Cancels the trials that had not started when their sweep ended (a server that stopped while the sweep ran
    /// put its queued trials back to `NotStarted`): run after `JobRunner.recover()`, before the runner starts.
    func recover() async throws {
        let jobs = try await store.resources(.job)
        let statuses = Dictionary(
            jobs.map { ($0.name, $0.state ?? JobStatus.notStarted) }, uniquingKeysWith: { a, _ in a })
        for job in jobs where (job.state ?? JobStatus.notStarted) == JobStatus.notStarted {
            guard let parent = job.propertiesObject["parentJobName"]?.stringValue else { continue }
            let parentStatus = statuses[parent]
            guard parentStatus.map(JobStatus.isTerminal) ?? true else { continue }
            let reason =
                "The sweep \(parent) ended (\(parentStatus ?? "deleted")) before this trial started."
            _ = try await store.transitionJob(job.name, from: [JobStatus.notStarted], to: JobStatus.canceled) {
                $0.cancelReason = reason
            }
        }
    }

    /// Starts following the runner's status changes and the MLflow metric events: call before the runner starts, so
    /// the `NotStarted` sweeps it announces are seen.
    func start() {
        let changes = runner.statusChanges()
        let metrics = mlflow.metricEvents.subscribe()
        loops.append(
            Task { [weak self] in
                for await change in changes {
                    guard let self else { return }
                    await self.handle(change)
                }
            })
        loops.append(
            Task { [weak self] in
                for await event in metrics {
                    guard let self else { return }
                    await self.handle(event)
                }
            })
    }

    /// Stops scheduling (on server shutdown, before the runner stops): sweeps in progress end `Failed`
    /// ("runner stopped"), or `Canceled` when a cancel was under way; their trials are left to the runner's stop.
    public func stop() async {
        guard !isStopping else { return }
        isStopping = true
        for loop in loops { loop.cancel() }
        let active = sweeps
        sweeps = [:]
        for (name, sweep) in active {
            sweep.timer?.cancel()
            log(name, "the local workspace is shutting down: the sweep ends here (runner stopped)")
            let summary = Self.summary(sweep.progress)
            _ = try? await runner.transition(name, from: [JobStatus.running], to: JobStatus.failed) { run in
                run.errorCode = "RunnerStopped"
                run.errorMessage =
                    "runner stopped: the local workspace shut down while the sweep was running; its trials were stopped."
                run.setProperty(SweepRunProperties.trialSummary, summary)
            }
            _ = try? await runner.transition(name, from: [JobStatus.cancelRequested], to: JobStatus.canceled) { run in
                run.cancelReason = run.cancelReason ?? "Canceled on request; the local workspace shut down."
            }
        }
    }

    // MARK: Events

    private func handle(_ change: JobStatusChange) async {
        guard !isStopping else { return }
        if change.isDeleted {
            if sweeps[change.jobName] != nil {
                await cancelSweep(change.jobName, reason: "The sweep \(change.jobName) was deleted.")
            } else if let sweep = trialSweeps[change.jobName] {
                await trialEnded(change.jobName, of: sweep, status: JobStatus.canceled)
            }
            return
        }
        if change.jobType == "Sweep" {
            switch change.status {
            case JobStatus.notStarted: await begin(change.jobName)
            case JobStatus.cancelRequested:
                await cancelSweep(change.jobName, reason: "The sweep \(change.jobName) was canceled.")
            default: break
            }
            return
        }
        guard let sweep = trialSweeps[change.jobName] else { return }
        if change.isTerminal {
            await trialEnded(change.jobName, of: sweep, status: change.status)
        } else {
            sweeps[sweep]?.progress.setStatus(change.status, of: change.jobName)
            if change.status == JobStatus.running { await learnRunID(of: change.jobName) }
        }
    }

    private func handle(_ event: MLflowMetricEvent) async {
        guard !isStopping, let trial = runTrials[event.runID], let name = trialSweeps[trial],
            var sweep = sweeps[name], event.key == sweep.progress.definition.objective.primaryMetric
        else { return }
        sweep.progress.append(event.value, to: trial)
        let decisions = sweep.progress.terminations()
        sweeps[name] = sweep
        for decision in decisions {
            log(name, "early termination of \(decision.trial): \(decision.reason)")
            _ = try? await runner.cancel(decision.trial, reason: decision.reason)
        }
    }

    // MARK: Sweeps

    /// Takes a `NotStarted` sweep: reads it, moves it to `Running` and starts its first trials. A sweep it cannot
    /// run ends `Failed` with the reason.
    private func begin(_ name: String) async {
        guard sweeps[name] == nil,
            let record = try? await store.resource(ResourceID(kind: .job, name: name)),
            record.state == JobStatus.notStarted
        else { return }
        let definition: SweepDefinition
        let sampler: SweepSampler
        do {
            definition = try SweepDefinition(name: name, properties: record.propertiesObject)
            sampler = try SweepSampler(
                space: definition.space, algorithm: definition.algorithm, goal: definition.objective.goal)
        } catch {
            let message = "The sweep cannot run: \(error.field): \(error.message)"
            log(name, message)
            _ = try? await runner.transition(name, from: [JobStatus.notStarted], to: JobStatus.failed) { run in
                run.errorCode = "UserError"
                run.errorMessage = message
            }
            return
        }
        let seed = String(sampler.seed)
        guard
            case .moved? = try? await runner.transition(
                name, from: [JobStatus.notStarted], to: JobStatus.running,
                update: { run in
                    run.startTimeUtc = Timestamp.iso8601(Timestamp.now())
                    run.setProperty(SweepRunProperties.samplingSeed, seed)
                })
        else { return }
        var sweep = ActiveSweep(progress: SweepProgress(definition: definition), sampler: sampler)
        if let timeout = definition.timeout {
            sweep.timer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(timeout.seconds))
                guard !Task.isCancelled else { return }
                await self?.timedOut(name)
            }
        }
        sweeps[name] = sweep
        let limits =
            "up to \(definition.maxTotalTrials) trials, \(definition.maxConcurrentTrials) at a time"
            + (definition.timeout.map { ", timeout \($0.limit)" } ?? "")
        log(
            name,
            "sweep \(name) is Running: \(limits); \(definition.algorithm.typeName.lowercased()) sampling (seed "
                + "\(seed)); \(definition.objective.goal.rawValue) \(definition.objective.primaryMetric)"
                + (definition.policy == nil ? "" : "; with an early-termination policy"))
        await advance(name)
    }

    /// Starts trials while the sweep wants more, then ends the sweep if it is done.
    private func advance(_ name: String) async {
        while !isStopping, var sweep = sweeps[name], sweep.progress.wantsAnotherTrial {
            guard let assignment = sweep.sampler.next(history: sweep.progress.observations) else {
                sweep.progress.isExhausted = true
                sweeps[name] = sweep
                break
            }
            let index = sweep.progress.addTrial(assignment)
            let trial = sweep.progress.definition.trialName(index)
            let properties = sweep.progress.definition.trialProperties(index)
            sweeps[name] = sweep
            trialSweeps[trial] = name
            runTrials[JobExecution.mlflowRunID(for: trial)] = trial
            log(name, "trial \(trial) submitted with \(assignment.json.serialized(.compact))")
            do {
                try await runner.submit(name: trial, properties: properties, parameters: assignment.values)
            } catch {
                let message = "The trial could not be submitted: \(error)"
                log(name, "trial \(trial) Failed: \(message)")
                sweeps[name]?.progress.setStatus(JobStatus.failed, of: trial, errorMessage: message)
            }
        }
        await finishIfDone(name)
    }

    private func trialEnded(_ trial: String, of name: String, status: String) async {
        guard sweeps[name] != nil else { return }
        var errorMessage: String?
        if status == JobStatus.failed,
            let record = try? await store.resource(ResourceID(kind: .job, name: trial)),
            let run = try? await store.jobRun(resourceID: record.id)
        {
            errorMessage = run.errorMessage
        }
        let runID = await runID(of: trial)
        let metric = sweeps[name]?.progress.definition.objective.primaryMetric ?? ""
        let history = (try? await mlflow.metricHistory(runID: runID, key: metric)) ?? []
        guard var sweep = sweeps[name] else { return }
        if !history.isEmpty { sweep.progress.setValues(history.map(\.value), of: trial) }
        sweep.progress.setStatus(status, of: trial, errorMessage: errorMessage)
        sweeps[name] = sweep
        if let ended = sweep.progress.trials.first(where: { $0.name == trial }) {
            let values = ended.values.count == 1 ? "1 value" : "\(ended.values.count) values"
            let objective =
                ended.objective.map { "\(metric) \(PythonFloat.repr($0)) (the last of \(values))" }
                ?? "no value of \(metric)"
            var line = "trial \(trial) \(status): \(objective)"
            if let errorMessage { line += "; " + (errorMessage.split(separator: "\n").first.map(String.init) ?? "") }
            log(name, line)
        }
        await recordBest(name)
        await advance(name)
    }

    /// Records the best trial so far on the sweep when it changed.
    private func recordBest(_ name: String) async {
        guard let sweep = sweeps[name], let best = sweep.progress.best, best.name != sweep.bestRecorded else { return }
        sweeps[name]?.bestRecorded = best.name
        let objective = best.objective.map { PythonFloat.repr($0) } ?? ""
        log(name, "best trial so far: \(best.name) with \(objective)")
        _ = try? await store.updateJobRun(name) { run in Self.record(best, in: &run) }
    }

    private func cancelSweep(_ name: String, reason: String) async {
        guard var sweep = sweeps[name] else {
            // A sweep this scheduler does not run (it ended as the cancel arrived): end the cancel.
            _ = try? await runner.transition(name, from: [JobStatus.cancelRequested], to: JobStatus.canceled) { run in
                run.cancelReason = run.cancelReason ?? reason
            }
            return
        }
        if sweep.progress.stop == nil || sweep.progress.stop == .timedOut {
            sweep.progress.stop = .canceled(reason: reason)
        }
        sweeps[name] = sweep
        for trial in sweep.progress.trials where !trial.hasEnded {
            _ = try? await runner.cancel(trial.name, reason: reason)
        }
        await finishIfDone(name)
    }

    private func timedOut(_ name: String) async {
        guard !isStopping, var sweep = sweeps[name], sweep.progress.stop == nil,
            let timeout = sweep.progress.definition.timeout
        else { return }
        sweep.progress.stop = .timedOut
        sweeps[name] = sweep
        let reason = "The sweep's timeout (\(timeout.limit)) passed."
        for trial in sweep.progress.trials where !trial.hasEnded {
            _ = try? await runner.cancel(trial.name, reason: reason)
        }
        await finishIfDone(name)
    }

    /// Ends the sweep when its progress says how.
    private func finishIfDone(_ name: String) async {
        guard !isStopping, let sweep = sweeps[name], let outcome = sweep.progress.outcome else { return }
        sweeps[name] = nil
        sweep.timer?.cancel()
        for trial in sweep.progress.trials {
            trialSweeps[trial.name] = nil
            runTrials = runTrials.filter { $0.value != trial.name }
        }
        let summary = Self.summary(sweep.progress)
        var line = "sweep \(name) \(outcome.status): \(summary)"
        if let best = outcome.best {
            let objective = best.objective.map { PythonFloat.repr($0) } ?? ""
            line +=
                "; best trial \(best.name) \(best.assignment.json.serialized(.compact)) "
                + "\(sweep.progress.definition.objective.primaryMetric) \(objective)"
        }
        for note in [outcome.errorMessage, outcome.warning, outcome.cancelReason].compactMap({ $0 }) {
            line += "; " + (note.split(separator: "\n").first.map(String.init) ?? "")
        }
        log(name, line)
        let update: @Sendable (inout JobRunRecord) -> Void = { run in
            if let best = outcome.best { Self.record(best, in: &run) }
            run.setProperty(SweepRunProperties.trialSummary, summary)
            run.errorCode = outcome.errorCode ?? run.errorCode
            run.errorMessage = outcome.errorMessage ?? run.errorMessage
            run.warning = outcome.warning ?? run.warning
            if outcome.status == JobStatus.canceled { run.cancelReason = run.cancelReason ?? outcome.cancelReason }
        }
        let from: Set<String> =
            outcome.status == JobStatus.canceled ? [JobStatus.running, JobStatus.cancelRequested] : [JobStatus.running]
        let result = try? await runner.transition(name, from: from, to: outcome.status, update: update)
        if case .blocked(let record)? = result, record.state == JobStatus.cancelRequested {
            // Canceled as its last trial ended: the cancel wins, with what the sweep found.
            _ = try? await runner.transition(name, from: [JobStatus.cancelRequested], to: JobStatus.canceled) { run in
                update(&run)
                run.cancelReason = run.cancelReason ?? "The sweep \(name) was canceled."
            }
        }
    }

    // MARK: Helpers

    /// Appends a line to the sweep's log, as the runner writes its own lines in a job's log.
    private func log(_ sweep: String, _ text: String) {
        let folder = RunFolder(workspaceDirectory: directory, job: sweep)
        _ = POSIXFile.makeDirectories(folder.userLogs)
        folder.log.append("deploy: \(Timestamp.iso8601(Timestamp.now())) \(text)")
    }

    /// Maps the trial's MLflow run (recorded by the runner once it is created) to the trial.
    private func learnRunID(of trial: String) async {
        let runID = await runID(of: trial)
        runTrials[runID] = trial
    }

    private func runID(of trial: String) async -> String {
        if let record = try? await store.resource(ResourceID(kind: .job, name: trial)),
            let run = try? await store.jobRun(resourceID: record.id), let runID = run.mlflowRunID
        {
            return runID
        }
        return JobExecution.mlflowRunID(for: trial)
    }

    private static func record(_ best: SweepProgress.Trial, in run: inout JobRunRecord) {
        let objective = best.objective.map { PythonFloat.repr($0) } ?? ""
        run.setProperty(SweepRunProperties.bestChildRunID, best.name)
        run.setProperty(SweepRunProperties.bestTrialObjective, objective)
        run.setProperty(SweepRunProperties.score, objective)
        run.setProperty(SweepRunProperties.bestTrialParameters, best.assignment.json.serialized(.compact))
    }

    private static func summary(_ progress: SweepProgress) -> String {
        let count = { (status: String) in progress.trials.count { $0.status == status } }
        let trials = progress.trials.count == 1 ? "1 trial" : "\(progress.trials.count) trials"
        var parts = [
            "\(count(JobStatus.completed)) completed", "\(count(JobStatus.failed)) failed",
            "\(count(JobStatus.canceled)) canceled",
        ]
        let terminated = progress.trials.count { $0.terminationReason != nil && $0.status == JobStatus.canceled }
        if terminated > 0 { parts.append("\(terminated) of them by the early-termination policy") }
        let active = progress.activeCount
        if active > 0 { parts.append("\(active) in progress") }
        return trials + ": " + parts.joined(separator: ", ")
    }
}
