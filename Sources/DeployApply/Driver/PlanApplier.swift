public import AzureML
public import DeployPlan

/// Applies a plan to a workspace: the I/O driver of `ApplyScheduler`. It feeds the scheduler what happened and
/// performs the actions it returns: each started change runs as a child task (uploads, then the PUT), and the
/// scheduler decides what starts next, when to stop starting after a failure, and when the apply is over.
///
/// Applying is safe to repeat: every name in the plan is fixed before the first request, so a retried PUT (by the
/// service's `RetryPolicy`) or a re-run after an interruption finds what was created and does not create it again.
public struct PlanApplier: Sendable {
    /// The workspace.
    public let service: any WorkspaceService
    /// Blob storage for uploads.
    public let blobs: BlobTransfer
    /// Parallelism and polling.
    public let options: ApplyOptions

    /// An applier.
    public init(service: any WorkspaceService, blobs: BlobTransfer, options: ApplyOptions = ApplyOptions()) {
        self.service = service
        self.blobs = blobs
        self.options = options
    }

    /// The scheduler's view of `plan`: every change with its dependencies; creates and updates need work.
    public static func items(of plan: Plan) -> [ApplyScheduler.Item] {
        plan.changes.map {
            ApplyScheduler.Item(address: $0.address, dependsOn: $0.dependsOn, needsWork: $0.action.writes)
        }
    }

    /// Applies `plan`, telling `events` about progress, and reports every change in plan order. A plan with errors
    /// or conflicts is refused before anything is sent (`ApplyError.invalidPlan`). Cancelling the task stops
    /// starting changes; the running ones see the cancellation.
    public func apply(_ plan: Plan, events: @escaping @Sendable (ApplyEvent) -> Void = { _ in }) async throws
        -> ApplyResult
    {
        if !plan.errors.isEmpty {
            throw ApplyError.invalidPlan("the plan has \(Self.count(plan.errors.count, "error")); nothing was applied")
        }
        let conflicts = plan.summary.conflicts
        if conflicts > 0 {
            throw ApplyError.invalidPlan("the plan has \(Self.count(conflicts, "conflict")); nothing was applied")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let changes = Dictionary(plan.changes.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let executor = ChangeExecutor(
            service: service, blobs: blobs, options: options, datastores: DatastoreAccess(service: service),
            events: events)
        var scheduler = ApplyScheduler(Self.items(of: plan), parallelism: options.parallelism)
        var reports: [String: ChangeReport] = [:]
        for change in plan.changes where !change.action.writes {
            let report = ChangeReport(change, outcome: .unchanged)
            reports[change.address] = report
            events(.finished(report))
        }
        await withTaskGroup(of: ChangeReport.self) { group in
            var actions = scheduler.start()
            while true {
                var finished = false
                for action in actions {
                    switch action {
                    case .start(let address):
                        guard let change = changes[address] else { continue }
                        group.addTask { await executor.execute(change) }
                    case .finish:
                        finished = true
                    }
                }
                if finished { break }
                guard let report = await group.next() else { break }
                reports[report.address] = report
                events(.finished(report))
                if Task.isCancelled { _ = scheduler.stop() }
                actions = report.outcome.isDone ? scheduler.succeeded(report.address) : scheduler.failed(report.address)
            }
        }
        for (address, state) in scheduler.snapshot {
            guard case .notAttempted(let skip) = state, let change = changes[address] else { continue }
            let report = ChangeReport(change, outcome: .notAttempted(skip))
            reports[address] = report
            events(.finished(report))
        }
        return ApplyResult(
            reports: plan.changes.compactMap { reports[$0.address] },
            seconds: ChangeExecutor.seconds(clock.now - start))
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
