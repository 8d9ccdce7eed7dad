public import AzureML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the command jobs of a local workspace, started and stopped with the server.
///
/// It consumes the server's `JobEvents`: a created command job goes `NotStarted` → `Queued` and waits for a slot in
/// its compute's pool (at most `maxNodeCount` at once; jobs without a compute, or on `serverless`, share the local
/// pool of `localConcurrency` or the number of cores), in submission order; each job then runs as a
/// `JobExecution`. Sweep trials (`parentJobName` set) go through the same queue. Jobs of other types (sweeps) are
/// left to their scheduler, which follows them through `statusChanges()`.
///
/// For schedulers built on it (sweeps): `submit(name:properties:parameters:)` creates and queues a job without
/// HTTP, `cancel(_:reason:)` cancels one with a reason that the job records, and `statusChanges()` reports every
/// status change of every job (including the `NotStarted` of jobs created through the API and of those found at
/// start; subscribe before the runner starts, in `LocalWorkspaceServer.start`, to see the latter), and
/// `transition(_:from:to:update:)` moves a job the runner leaves alone and records what it shows. A job's MLflow run
/// id is its name (dots made underscores), as `properties.properties.MlflowRunId` shows.
public actor JobRunner {
    private let directory: String
    private let store: WorkspaceStore
    private let mlflow: MLflowStore
    private let options: LocalWorkspaceOptions
    private let jobEvents: JobEvents
    private let broadcaster = JobStatusBroadcaster()
    private let environments: PythonEnvironments
    private let files: JobFiles
    private let baseEnvironment: [String: String]
    private let cores: Int
    private var context: RunnerContext?
    private var queue = JobQueue()
    private var executions: [String: JobExecution] = [:]
    private var tasks: [String: Task<Void, Never>] = [:]
    private var capacities: [String: Int] = [:]
    private var cancelReasons: [String: String] = [:]
    private var deletedWhileRunning: Set<String> = []
    private var eventLoop: Task<Void, Never>?
    private var isStopping = false

    init(
        directory: String, store: WorkspaceStore, mlflow: MLflowStore, blobs: BlobStore,
        options: LocalWorkspaceOptions, jobEvents: JobEvents
    ) {
        self.directory = directory
        self.store = store
        self.mlflow = mlflow
        self.options = options
        self.jobEvents = jobEvents
        baseEnvironment = JobEnvironmentVariables.current()
        environments = PythonEnvironments(
            workspaceDirectory: directory, python: options.python, baseEnvironment: baseEnvironment)
        files = JobFiles(
            directory: directory, store: store, blobs: blobs,
            downloads: DownloadCache(
                workspaceDirectory: directory, maxSize: options.maxDownloadSize, timeout: options.downloadTimeout))
        cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    // MARK: Public API

    /// Every status change from now on, one stream per call (a job created through the API is reported
    /// `NotStarted`, then each status it reaches; a deleted job once with `isDeleted`, and an empty `jobType`).
    public nonisolated func statusChanges() -> AsyncStream<JobStatusChange> {
        broadcaster.subscribe()
    }

    /// Creates job `name` with `properties` (stored as a PUT would store them) and queues it; `parameters` are
    /// recorded as the job's server-set `parameters` (a sweep trial's sampled values, substituted for
    /// `${{search_space.<name>}}` and exported as `AZUREML_SWEEP_<name>`). The references are not checked again
    /// (a sweep's were, when it was PUT). Submitting the same job again changes nothing; a different job under a name
    /// in use is rejected.
    public func submit(name: String, properties: JobProperties, parameters: JSONObject? = nil) async throws {
        do {
            try ResourceName.validate(name, what: "name")
        } catch {
            throw LocalWorkspaceError.jobRejected(error.body.error.message, field: "name")
        }
        guard var object = properties.json.objectValue else { return }
        object["status"] = nil
        if let parameters { object["parameters"] = .object(parameters) }
        let result: WorkspaceStore.PutResult
        do {
            result = try await store.put(
                ResourceID(kind: .job, name: name), properties: object, state: JobStatus.notStarted)
        } catch let error as ARMError {
            throw LocalWorkspaceError.jobRejected(error.body.error.message, field: error.body.error.target ?? "name")
        }
        if case .created(let record) = result {
            context?.announce(record)
            await admit(name)
        }
    }

    /// Cancels job `name` as `POST .../cancel` does, recording `reason` as its `CancelReason`: a job that has not
    /// started is `Canceled` at once; a job in progress is stopped (SIGTERM, then SIGKILL after the grace period)
    /// and ends `Canceled`. Returns `false` when there is no such job; a job that already ended is left as it is.
    @discardableResult
    public func cancel(_ name: String, reason: String? = nil) async throws -> Bool {
        guard let outcome = try await store.cancelJob(name: name) else { return false }
        switch outcome {
        case .canceled:
            let reason = reason ?? "Canceled on request."
            if case .moved(let record, _) = try await store.transitionJob(
                name, from: [JobStatus.canceled], to: JobStatus.canceled, update: { $0.cancelReason = reason })
            {
                context?.announce(record)
            }
        case .cancelRequested:
            if let reason { cancelReasons[name] = reason }
            await cancelRequested(name)
        case .alreadyFinished:
            break
        }
        return true
    }

    /// Moves job `name` to `status` if it is in one of `allowed`, applying `update` to what the job shows in
    /// `properties.properties` (`JobRunRecord`), and announces the change: for schedulers in this module that own
    /// jobs the runner leaves alone (sweeps).
    func transition(
        _ name: String, from allowed: Set<String>, to status: String,
        update: @escaping @Sendable (inout JobRunRecord) -> Void = { _ in }
    ) async throws -> WorkspaceStore.JobTransition {
        let result = try await store.transitionJob(name, from: allowed, to: status, update: update)
        if case .moved(let record, _) = result {
            broadcaster.send(
                JobStatusChange(
                    jobName: record.name, jobType: record.propertiesObject["jobType"]?.stringValue ?? "",
                    parentJobName: record.propertiesObject["parentJobName"]?.stringValue,
                    status: record.state ?? JobStatus.notStarted))
        }
        return result
    }

    /// The host Python's version (`3.11.7`).
    func hostVersion() async throws -> String {
        try await environments.hostPython().version
    }

    // MARK: Lifecycle

    /// Ends what a previous server process left in progress (before the server listens): see
    /// `WorkspaceStore.endInterruptedJobs`. Process groups it left behind are killed when they still run the job.
    func recover() async throws {
        let interrupted = try await store.endInterruptedJobs()
        for job in interrupted {
            if let group = job.processID { OrphanedProcesses.kill(group: Int32(group), job: job.name) }
            if let runID = job.mlflowRunID, let run = try? await mlflow.run(id: runID), !run.status.isTerminal {
                let status: MLflowRunStatus = job.newStatus == JobStatus.canceled ? .killed : .failed
                _ = try? await mlflow.setRunStatus(runID: runID, status: status)
                _ = try? await mlflow.revokeTokens(forRun: runID)
            }
            LogFile(path: RunFolder(workspaceDirectory: directory, job: job.name).log.path).append(
                "deploy: \(Timestamp.iso8601(Timestamp.now())) the runner stopped while the job was \(job.status); "
                    + "it is now \(job.newStatus)")
        }
        environments.removeUnpublished()
    }

    /// Starts running jobs: the `NotStarted` jobs in the store in creation order, then each new one.
    func start(serverURL: String) async throws {
        context = RunnerContext(
            directory: directory, store: store, mlflow: mlflow, files: files, environments: environments,
            options: options,
            broadcaster: broadcaster, baseEnvironment: baseEnvironment, serverURL: serverURL)
        for name in try await store.jobNames(withStatus: JobStatus.notStarted) {
            if let record = try await store.resource(ResourceID(kind: .job, name: name)) { context?.announce(record) }
            await admit(name)
        }
        let stream = jobEvents.stream
        eventLoop = Task { [weak self] in
            for await event in stream {
                guard let self else { return }
                await self.handle(event)
            }
        }
    }

    /// Stops running jobs (on server shutdown): running commands get SIGTERM, then SIGKILL after the grace period,
    /// and end `Failed` ("runner stopped"); jobs that had not started yet go back to `NotStarted` and run on the next
    /// start.
    public func stop() async {
        guard !isStopping else { return }
        isStopping = true
        eventLoop?.cancel()
        for execution in executions.values { execution.requestStop(.shutdown) }
        for task in tasks.values { await task.value }
        for name in (try? await store.jobNames(withStatus: JobStatus.queued)) ?? [] {
            _ = try? await context?.transition(name, from: [JobStatus.queued], to: JobStatus.notStarted)
        }
        await environments.cancelBuilds()
        await files.downloads.shutdown()
        broadcaster.finish()
    }

    // MARK: Events

    private func handle(_ event: JobEvent) async {
        guard !isStopping else { return }
        switch event.kind {
        case .created:
            if let record = try? await store.resource(ResourceID(kind: .job, name: event.jobName)) {
                context?.announce(record)
            }
            await admit(event.jobName)
        case .cancelRequested:
            await cancelRequested(event.jobName)
        case .canceled:
            _ = queue.remove(event.jobName)
            if let record = try? await store.resource(ResourceID(kind: .job, name: event.jobName)) {
                context?.announce(record)
            }
        case .deleted:
            if let execution = executions[event.jobName] {
                deletedWhileRunning.insert(event.jobName)
                execution.requestStop(.cancel(reason: "The job was deleted."))
            } else {
                startAll(queue.remove(event.jobName))
                FileTree.remove(RunFolder(workspaceDirectory: directory, job: event.jobName).path)
            }
            broadcaster.send(
                JobStatusChange(jobName: event.jobName, jobType: "", parentJobName: nil, status: "", isDeleted: true))
        }
    }

    /// A cancel of a job in progress: stop its execution, or take it out of the queue and end it.
    private func cancelRequested(_ name: String) async {
        let reason = cancelReasons.removeValue(forKey: name)
        if let execution = executions[name] {
            execution.requestStop(.cancel(reason: reason))
            return
        }
        guard let context else { return }
        let wasWaiting = queue.isWaiting(name)
        _ = queue.remove(name)
        let status = try? await store.jobStatus(name: name)
        guard wasWaiting || status == JobStatus.cancelRequested,
            let record = try? await store.resource(ResourceID(kind: .job, name: name)),
            record.propertiesObject["jobType"]?.stringValue == "Command"
        else {
            // Not a job of this runner (a sweep): its scheduler follows the change.
            if let record = try? await store.resource(ResourceID(kind: .job, name: name)) { context.announce(record) }
            return
        }
        let log = RunFolder(workspaceDirectory: directory, job: name).log
        let message = reason ?? "Canceled on request."
        if case .moved? = try? await context.transition(
            name, from: [JobStatus.cancelRequested], to: JobStatus.canceled, update: { $0.cancelReason = message })
        {
            if FileTree.exists(RunFolder(workspaceDirectory: directory, job: name).userLogs) {
                log.append("deploy: canceled: \(message)")
            }
        }
    }

    // MARK: Queue

    /// Queues a `NotStarted` command job in its compute's pool (other job types are left alone).
    private func admit(_ name: String) async {
        guard !isStopping, let context,
            let record = try? await store.resource(ResourceID(kind: .job, name: name)),
            record.state == JobStatus.notStarted,
            let job = try? JobProperties(json: .object(record.propertiesObject)), job.isCommand
        else { return }
        let pool: (name: String, capacity: Int)
        do {
            pool = try await self.pool(for: job)
        } catch {
            let outcome = JobExecution.outcome(of: error)
            _ = try? await context.transition(name, from: [JobStatus.notStarted], to: JobStatus.failed) { run in
                run.errorCode = outcome.errorCode
                run.errorMessage = outcome.errorMessage
            }
            return
        }
        guard case .moved? = try? await context.transition(name, from: [JobStatus.notStarted], to: JobStatus.queued)
        else { return }
        capacities[pool.name] = pool.capacity
        startAll(queue.enqueue(name, pool: pool.name, capacity: pool.capacity))
    }

    /// The pool of a job and its capacity: the compute's name and `maxNodeCount`, or the local pool.
    private func pool(for job: JobProperties) async throws -> (name: String, capacity: Int) {
        let local = ("", options.localConcurrency ?? cores)
        guard let computeId = job.computeId else { return local }
        let required: JobReferences.Required?
        do {
            required = try JobReferences.classify(computeId, field: "computeId", kind: .compute)
        } catch {
            throw LocalWorkspaceError.jobPreparation(error.body.error.message, field: "computeId")
        }
        guard let compute = required?.resource else { return local }
        guard let record = try await store.resource(compute) else {
            throw LocalWorkspaceError.jobPreparation("the compute '\(compute.name)' does not exist", field: "computeId")
        }
        let properties = try? ComputeProperties(json: .object(record.propertiesObject))
        return ("compute/" + compute.name, properties?.maxNodeCount ?? 1)
    }

    private func startAll(_ names: [String]) {
        for name in names { launch(name) }
    }

    private func launch(_ name: String) {
        guard let context else { return }
        let capacity = queue.pool(of: name).flatMap { capacities[$0] } ?? 1
        let execution = JobExecution(name: name, context: context, threads: max(1, cores / max(1, capacity)))
        executions[name] = execution
        let task = Task {
            await execution.execute()
            self.ended(name)
        }
        execution.attach(task)
        tasks[name] = task
    }

    private func ended(_ name: String) {
        executions[name] = nil
        tasks[name] = nil
        if deletedWhileRunning.remove(name) != nil {
            FileTree.remove(RunFolder(workspaceDirectory: directory, job: name).path)
        }
        guard !isStopping else { return }
        startAll(queue.remove(name))
    }
}
