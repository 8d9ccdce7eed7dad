import AzureML
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One command job from the moment it gets a slot until it ends: `Preparing` (code, inputs, outputs, environment,
/// MLflow run), `Running` (the command in its own process group, limited by `limits.timeout`), `Finalizing`
/// (outputs published, MLflow run ended) and a terminal status. The runner's lines in the job's log start with
/// `deploy:`.
///
/// A stop (cancel, timeout, shutdown) before the command starts abandons the preparation; once it runs, its process
/// group gets SIGTERM, then SIGKILL after the grace period. A shutdown before the command started puts the job back
/// to `NotStarted`, so the next server start runs it.
final class JobExecution: Sendable {
    private enum Phase: Sendable {
        case preparing
        case spawning
        case running(ProcessGroup)
        case exited
    }

    private struct State: Sendable {
        var phase = Phase.preparing
        var stop: JobOutcome.StopReason?
        var task: Task<Void, Never>?
        var timers: [Task<Void, Never>] = []
        var processRecorded: Task<Void, Never>?
    }

    /// The job's name.
    let name: String
    /// The run folder.
    let run: RunFolder
    let context: RunnerContext
    private let threads: Int
    private let state = Mutex(State())

    init(name: String, context: RunnerContext, threads: Int) {
        self.name = name
        run = RunFolder(workspaceDirectory: context.directory, job: name)
        self.context = context
        self.threads = threads
    }

    /// Gives the execution the task it runs in, so a stop can abandon the preparation.
    func attach(_ task: Task<Void, Never>) {
        let cancel = state.withLock { state in
            state.task = task
            if case .preparing = state.phase { return state.stop != nil }
            return false
        }
        if cancel { task.cancel() }
    }

    /// Asks the job to stop; the first reason given is the one that counts.
    func requestStop(_ reason: JobOutcome.StopReason) {
        enum Action {
            case none
            case cancelTask(Task<Void, Never>?)
            case terminate(ProcessGroup)
        }
        let action: Action = state.withLock { state in
            guard state.stop == nil else { return .none }
            state.stop = reason
            switch state.phase {
            case .preparing: return .cancelTask(state.task)
            case .spawning, .exited: return .none
            case .running(let group): return .terminate(group)
            }
        }
        switch action {
        case .none: break
        case .cancelTask(let task): task?.cancel()
        case .terminate(let group): terminate(group)
        }
    }

    /// SIGTERM to the group now, SIGKILL after the grace period.
    private func terminate(_ group: ProcessGroup) {
        group.send(SIGTERM)
        let grace = context.options.stopGracePeriod
        let timer = Task {
            try? await Task.sleep(for: .seconds(grace))
            if !Task.isCancelled { group.send(SIGKILL) }
        }
        state.withLock { $0.timers.append(timer) }
    }

    private var stopReason: JobOutcome.StopReason? { state.withLock { $0.stop } }

    // MARK: Lifecycle

    /// Runs the job to its end. Never throws: every failure becomes the job's status.
    func execute() async {
        let log = run.log
        let prepared: PreparedCommand
        do {
            guard let job = try await begin(log: log) else { return }
            prepared = try await prepare(job, log: log)
        } catch {
            await endBeforeStart(error: error, log: log)
            return
        }
        let canSpawn = state.withLock { state in
            guard state.stop == nil else { return false }
            state.phase = .spawning
            return true
        }
        guard canSpawn else {
            await endBeforeStart(error: CancellationError(), log: log, runID: prepared.mlflowRunID)
            return
        }
        let started: WorkspaceStore.JobTransition
        do {
            started = try await context.transition(name, from: [JobStatus.preparing], to: JobStatus.running) {
                $0.startTimeUtc = Timestamp.iso8601(Timestamp.now())
                $0.mlflowRunID = prepared.mlflowRunID
            }
        } catch {
            await endBeforeStart(error: error, log: log, runID: prepared.mlflowRunID)
            return
        }
        guard case .moved = started else {
            // Cancelled (or deleted) while preparing, before the runner heard of it.
            requestStop(.cancel(reason: nil))
            await endBeforeStart(error: CancellationError(), log: log, runID: prepared.mlflowRunID)
            return
        }
        log.append("deploy: \(Timestamp.iso8601(Timestamp.now())) Running: \(prepared.command)")
        let outputStart = log.size
        let termination: JobOutcome.Termination
        let clock = ContinuousClock.now
        do {
            termination = try await spawn(prepared, log: log)
        } catch {
            state.withLock { $0.phase = .exited }
            await finish(
                JobOutcome.failed(code: "SystemError", message: "cannot start the command: \(error)"), log: log,
                prepared: prepared, exitCode: nil)
            return
        }
        let elapsed = ContinuousClock.now - clock
        let (group, recorded) = state.withLock { state -> (ProcessGroup?, Task<Void, Never>?) in
            let group: ProcessGroup? = if case .running(let group) = state.phase { group } else { nil }
            state.phase = .exited
            for timer in state.timers { timer.cancel() }
            state.timers = []
            return (group, state.processRecorded)
        }
        // Whatever the command left behind in its group goes with it.
        group?.send(SIGKILL)
        await recorded?.value
        let exitCode: Int? = if case .exited(let code) = termination { Int(code) } else { nil }
        let how =
            switch termination {
            case .exited(let code): "exit code \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        let tail = log.tail(lines: 20, from: outputStart)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        log.append(
            "deploy: \(Timestamp.iso8601(Timestamp.now())) the command ended (\(how)) after "
                + "\((seconds * 100).rounded() / 100) s")
        await finalize(termination: termination, prepared: prepared, log: log, tail: tail, exitCode: exitCode)
    }

    /// `Queued` → `Preparing`; `nil` when the job is gone or was cancelled meanwhile (then it is ended here).
    private func begin(log: LogFile) async throws -> JobProperties? {
        let transition = try await context.transition(name, from: [JobStatus.queued], to: JobStatus.preparing)
        switch transition {
        case .missing:
            return nil
        case .blocked(let record):
            if record.state == JobStatus.cancelRequested { throw CancellationError() }
            return nil
        case .moved(let record, _):
            try makeFolder(run.userLogs)
            log.append("deploy: \(Timestamp.iso8601(Timestamp.now())) job \(name) is Preparing")
            do {
                return try JobProperties(json: .object(record.propertiesObject))
            } catch {
                throw LocalWorkspaceError.jobPreparation(
                    "the job's stored properties are not valid: \(error)", field: "")
            }
        }
    }

    /// What the command runs with.
    struct PreparedCommand: Sendable {
        var command: String
        var environment: [String: String]
        var outputs: [String: JobFiles.Output]
        var mlflowRunID: String
        var timeout: (limit: String, seconds: Double)?
    }

    private func prepare(_ job: JobProperties, log: LogFile) async throws -> PreparedCommand {
        let note: @Sendable (String) -> Void = { log.append("deploy: " + $0) }
        guard let command = job.command else {
            throw LocalWorkspaceError.jobPreparation("the job has no command", field: "command")
        }
        var timeout: (String, Double)?
        if let limit = job.limits?.timeout {
            guard let seconds = ISODuration.seconds(limit), seconds > 0 else {
                throw LocalWorkspaceError.jobPreparation(
                    "'\(limit)' is not a positive duration", field: "limits.timeout")
            }
            timeout = (limit, seconds)
        }
        try await context.files.materializeCode(job.codeId, into: run.code)
        if let codeId = job.codeId { note("code: \(codeId) in \(run.code)") }
        try Task.checkCancellation()
        let inputs = try await context.files.resolveInputs(job.inputs ?? [:], note: note)
        for (name, input) in inputs.sorted(by: { $0.key < $1.key }) {
            note("input \(name): \(input.value) (\(input.origin))")
        }
        try Task.checkCancellation()
        let outputs = try context.files.prepareOutputs(job.outputs ?? [:], job: name, run: run)
        for (name, output) in outputs.sorted(by: { $0.key < $1.key }) { note("output \(name): \(output.path)") }
        let parameters = sweepParameters(job)
        let template = CommandTemplate(command)
        let substituted: String
        do {
            substituted = try template.substituted { reference in
                switch reference.namespace {
                case .inputs: inputs[reference.name]?.value
                case .outputs: outputs[reference.name]?.path
                case .searchSpace: parameters?.commandValue(for: reference.name)
                }
            }
        } catch {
            throw LocalWorkspaceError.jobPreparation(error.description, field: "command")
        }
        let python = try await preparePython(job, note: note)
        try Task.checkCancellation()
        let (runID, token) = try await openRun(job, mlflow: context.mlflow)
        note("MLflow run \(runID) in experiment \(job.experimentName ?? MLflowStore.defaultExperimentName)")
        let variables = JobEnvironmentVariables(
            job: name, experiment: job.experimentName ?? MLflowStore.defaultExperimentName,
            workspace: LocalWorkspaceServer.workspace, serverURL: context.serverURL, mlflowRunID: runID,
            mlflowToken: token,
            inputs: inputs.mapValues(\.value), outputs: outputs.mapValues(\.path), pythonBin: python.bin,
            virtualEnvironment: python.virtualEnvironment, threads: threads,
            sweepParameters: (parameters?.values.keys).map { keys in
                Dictionary(
                    uniqueKeysWithValues: keys.compactMap { key in
                        parameters?.commandValue(for: key).map { (key, $0) }
                    })
            } ?? [:],
            jobVariables: job.environmentVariables ?? [:])
        return PreparedCommand(
            command: substituted, environment: variables.variables(base: context.baseEnvironment), outputs: outputs,
            mlflowRunID: runID, timeout: timeout)
    }

    /// A sweep trial's recorded parameters (`properties.parameters`), if any.
    private func sweepParameters(_ job: JobProperties) -> ParameterAssignment? {
        guard let object = job.parameters?.objectValue, !object.isEmpty else { return nil }
        return ParameterAssignment(object)
    }

    /// The Python the job runs with: its `bin` folder (first on `PATH`) and its virtual environment.
    private func preparePython(
        _ job: JobProperties, note: @escaping @Sendable (String) -> Void
    ) async throws -> (bin: String, virtualEnvironment: String?) {
        let environments = context.environments
        let environmentId = job.environmentId ?? ""
        let plan: EnvironmentPlan
        if let kind = EnvironmentPlan.external(environmentId) {
            plan = .host(reason: "\(environmentId) is a \(kind), which the local workspace cannot build")
        } else if context.options.environmentMode == .host {
            plan = .host(reason: "the server runs with --env-mode host; \(environmentId) is not built")
        } else {
            let (label, properties) = try await environmentVersion(environmentId)
            plan = try EnvironmentPlan.decide(
                label: label, properties: properties, mode: context.options.environmentMode)
        }
        switch plan {
        case .host(let reason):
            let python = try await environments.hostPython()
            let bin = try await environments.hostBinDirectory()
            note(
                "environment: \(reason); running with the host's python3 (\(python.executable), Python \(python.version))"
            )
            return (bin, nil)
        case .virtualEnvironment(let spec, let label):
            let python = try await environments.hostPython()
            if let warning = spec.pythonWarning(hostVersion: python.version) {
                note("warning: environment \(label): \(warning)")
            }
            if !spec.skipped.isEmpty {
                note(
                    "environment \(label): conda-only packages not installed: "
                        + spec.skipped.joined(separator: ", "))
            }
            let prepared = try await environments.environment(for: spec, note: note)
            let how = prepared.built ? "built" : prepared.joined ? "built by another job" : "reused"
            note("environment \(label): \(how): \(prepared.path)")
            return (prepared.path + "/bin", prepared.path)
        }
    }

    /// The label and properties of the workspace environment version `environmentId` names.
    private func environmentVersion(_ environmentId: String) async throws -> (String, EnvironmentVersionProperties) {
        let required: JobReferences.Required?
        do {
            required = try JobReferences.classify(environmentId, field: "environmentId", kind: .environment)
        } catch {
            throw LocalWorkspaceError.environment(error.body.error.message)
        }
        guard let resource = required?.resource else {
            throw LocalWorkspaceError.environment("'\(environmentId)' is not an environment of this workspace")
        }
        let record: ResourceRecord?
        if required?.anyVersion == true {
            record = try await context.store.resources(.environment, name: resource.name).last
        } else {
            record = try await context.store.resource(resource)
        }
        guard let record else {
            throw LocalWorkspaceError.environment("the environment '\(environmentId)' does not exist")
        }
        do {
            return (
                "\(record.name):\(record.version)",
                try EnvironmentVersionProperties(json: .object(record.propertiesObject))
            )
        } catch {
            throw LocalWorkspaceError.environment("the environment '\(environmentId)' is not valid: \(error)")
        }
    }

    /// Runs the command and returns how it ended.
    private func spawn(_ prepared: PreparedCommand, log: LogFile) async throws -> JobOutcome.Termination {
        let process = ChildProcess(
            executable: "/bin/sh", arguments: ["-c", prepared.command], environment: prepared.environment,
            workingDirectory: run.code, logPath: log.path)
        let store = context.store
        let name = name
        return try await process.run { group in
            let stop = state.withLock { state in
                state.phase = .running(group)
                state.processRecorded = Task {
                    _ = try? await store.updateJobRun(name) { $0.processID = Int(group.id) }
                }
                return state.stop
            }
            if stop != nil {
                terminate(group)
            } else if let timeout = prepared.timeout {
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: .seconds(timeout.seconds))
                    if !Task.isCancelled { self?.requestStop(.timeout(limit: timeout.limit, seconds: timeout.seconds)) }
                }
                state.withLock { $0.timers.append(timer) }
            }
        }
    }

    // MARK: Endings

    /// Ends a job whose command never started: a stop (cancel, or shutdown, which puts it back to `NotStarted`)
    /// or a preparation failure.
    private func endBeforeStart(error: any Error, log: LogFile, runID: String? = nil) async {
        let stop = stopReason
        let mlflow = context.mlflow
        await Self.uncancelled {
            let outcome: JobOutcome
            switch stop {
            case .shutdown?:
                log.append(
                    "deploy: \(Timestamp.iso8601(Timestamp.now())) the server is stopping; the job will run again")
                if let runID { _ = try? await mlflow.revokeTokens(forRun: runID) }
                _ = try? await self.context.transition(
                    self.name, from: [JobStatus.queued, JobStatus.preparing], to: JobStatus.notStarted)
                return
            case .cancel(let reason)?:
                outcome = JobOutcome.canceled(reason: reason)
            case .timeout?, nil:
                outcome = error is CancellationError ? JobOutcome.canceled(reason: nil) : Self.outcome(of: error)
            }
            if let runID { await self.closeRun(runID, status: outcome.mlflowStatus, mlflow: mlflow) }
            await self.end(outcome, log: log, exitCode: nil, outputs: nil)
        }
    }

    /// After the command ended: `Finalizing` (outputs, MLflow run), then the terminal status.
    private func finalize(
        termination: JobOutcome.Termination, prepared: PreparedCommand, log: LogFile, tail: String, exitCode: Int?
    ) async {
        await Self.uncancelled {
            var stop = self.stopReason
            if stop == nil {
                let moved = try? await self.context.transition(
                    self.name, from: [JobStatus.running], to: JobStatus.finalizing)
                if case .blocked(let record)? = moved, record.state == JobStatus.cancelRequested {
                    stop = .cancel(reason: nil)
                }
            }
            let scriptStatus = await self.runStatus(prepared.mlflowRunID, mlflow: self.context.mlflow)
            let outcome = JobOutcome.decide(
                termination: termination, stop: stop, mlflowStatus: scriptStatus?.rawValue, logTail: tail)
            await self.finish(outcome, log: log, prepared: prepared, exitCode: exitCode)
        }
    }

    /// Publishes the outputs and records the terminal status.
    private func finish(_ outcome: JobOutcome, log: LogFile, prepared: PreparedCommand, exitCode: Int?) async {
        for line in await context.files.publishOutputs(prepared.outputs) { log.append("deploy: " + line) }
        await closeRun(prepared.mlflowRunID, status: outcome.mlflowStatus, mlflow: context.mlflow)
        await end(outcome, log: log, exitCode: exitCode, outputs: prepared.outputs.mapValues(\.uri))
    }

    /// Records the terminal status, its reasons and the outputs, and writes them to the log.
    private func end(_ outcome: JobOutcome, log: LogFile, exitCode: Int?, outputs: [String: String]?) async {
        if let warning = outcome.warning { log.append("deploy: warning: " + warning) }
        if let message = outcome.errorMessage { log.append("deploy: error: " + message) }
        if let reason = outcome.cancelReason { log.append("deploy: canceled: " + reason) }
        log.append("deploy: \(Timestamp.iso8601(Timestamp.now())) job \(name) is \(outcome.status)")
        let outputsJSON = outputs.map { outputs in
            JSONValue.object(JSONObject(outputs.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
                .serialized(.compact)
        }
        _ = try? await context.transition(
            name, from: JobStatus.inProgress, to: outcome.status
        ) { run in
            run.errorCode = outcome.errorCode
            run.errorMessage = outcome.errorMessage
            run.cancelReason = outcome.cancelReason
            run.warning = outcome.warning
            run.exitCode = exitCode
            run.processID = nil
            if let outputsJSON { run.outputs = outputsJSON }
        }
    }

    /// The failed outcome of an error thrown while preparing.
    static func outcome(of error: any Error) -> JobOutcome {
        guard let error = error as? LocalWorkspaceError else {
            return .failed(code: "SystemError", message: "the runner failed: \(error)")
        }
        switch error.kind {
        case "environment": return .failed(code: "EnvironmentError", message: error.message)
        case "jobPreparation":
            let prefix = error.field.isEmpty ? "" : error.field + ": "
            return .failed(code: "UserError", message: prefix + error.message)
        default: return .failed(code: "SystemError", message: error.description)
        }
    }

    /// The MLflow run id of job `name`: the name itself when MLflow accepts it (`^[a-zA-Z0-9][\w\-]{0,255}$`), as
    /// Azure ML does; otherwise the name with its dots made underscores.
    static func mlflowRunID(for name: String) -> String {
        String(name.map { $0 == "." ? "_" : $0 })
    }

    private func makeFolder(_ path: String) throws {
        let code = POSIXFile.makeDirectories(path)
        if code != 0 { throw LocalWorkspaceError.io("cannot create the folder", path: path, errno: code) }
    }

    /// Runs `body` in a task of its own, so that the bookkeeping of a job whose task was cancelled still happens.
    private static func uncancelled(_ body: @escaping @Sendable () async -> Void) async {
        await Task { await body() }.value
    }
}
