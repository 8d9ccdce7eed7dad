import AzureML
import GRDB

extension WorkspaceStore {
    /// What a job status transition did.
    enum JobTransition: Sendable {
        /// The job was in one of the expected statuses (`from`) and now has the new one.
        case moved(ResourceRecord, from: String)
        /// The job is in another status (the record shows which); nothing changed.
        case blocked(ResourceRecord)
        /// There is no such job (it was deleted).
        case missing
    }

    /// A job the previous server process left in progress, now ended.
    struct InterruptedJob: Sendable, Hashable {
        var name: String
        /// The status it was left in.
        var status: String
        /// The status it has now (`Failed`, or `Canceled` when a cancel had been asked for).
        var newStatus: String
        /// The process group it ran in, if it had started.
        var processID: Int?
        /// Its MLflow run, if it had one.
        var mlflowRunID: String?
    }

    /// Moves job `name` to `status` if its status is one of `allowed`, applying `update` to its run record in the
    /// same transaction; a terminal `status` also records the end time.
    func transitionJob(
        _ name: String, from allowed: Set<String>, to status: String,
        update: @escaping @Sendable (inout JobRunRecord) -> Void = { _ in }
    ) async throws -> JobTransition {
        try await database.write { db in
            guard var record = try ResourceRecord.filter(key: Self.key(ResourceID(kind: .job, name: name))).fetchOne(db)
            else { return .missing }
            let previous = record.state ?? JobStatus.notStarted
            guard allowed.contains(previous) else { return .blocked(record) }
            let now = Timestamp.now()
            var run = try JobRunRecord.fetchOne(db, key: record.id) ?? JobRunRecord(resourceID: record.id!)
            update(&run)
            if JobStatus.isTerminal(status) && run.endTimeUtc == nil { run.endTimeUtc = Timestamp.iso8601(now) }
            try run.save(db)
            record.state = status
            record.lastModifiedAt = Timestamp.iso8601(now)
            try record.update(db)
            return .moved(record, from: previous)
        }
    }

    /// Applies `update` to job `name`'s run record without changing its status; returns whether the job exists.
    @discardableResult
    func updateJobRun(_ name: String, _ update: @escaping @Sendable (inout JobRunRecord) -> Void) async throws -> Bool {
        try await database.write { db in
            guard let record = try ResourceRecord.filter(key: Self.key(ResourceID(kind: .job, name: name))).fetchOne(db)
            else { return false }
            var run = try JobRunRecord.fetchOne(db, key: record.id) ?? JobRunRecord(resourceID: record.id!)
            update(&run)
            try run.save(db)
            return true
        }
    }

    /// The run record of the job stored in row `resourceID`, if the runner has written one.
    func jobRun(resourceID: Int64?) async throws -> JobRunRecord? {
        guard let resourceID else { return nil }
        return try await database.read { db in try JobRunRecord.fetchOne(db, key: resourceID) }
    }

    /// The run records of all jobs, by resource row.
    func jobRuns() async throws -> [Int64: JobRunRecord] {
        try await database.read { db in
            Dictionary(uniqueKeysWithValues: try JobRunRecord.fetchAll(db).map { ($0.resourceID, $0) })
        }
    }

    /// Ends the jobs a previous server process left in progress: `Queued`, `Preparing`, `Running` and `Finalizing`
    /// become `Failed` ("runner stopped"), `CancelRequested` becomes `Canceled`. Their logs stay where they are.
    func endInterruptedJobs() async throws -> [InterruptedJob] {
        try await database.write { db in
            let statuses = Array(JobStatus.inProgress)
            let records = try ResourceRecord.filter(Column("kind") == ResourceKind.job.rawValue)
                .filter(statuses.contains(Column("state"))).order(Column("id")).fetchAll(db)
            let now = Timestamp.now()
            var interrupted: [InterruptedJob] = []
            for var record in records {
                let old = record.state ?? JobStatus.notStarted
                var run = try JobRunRecord.fetchOne(db, key: record.id) ?? JobRunRecord(resourceID: record.id!)
                let processID = run.processID
                if old == JobStatus.cancelRequested {
                    record.state = JobStatus.canceled
                    run.cancelReason = run.cancelReason ?? "Canceled on request; the runner stopped before it ended."
                } else {
                    record.state = JobStatus.failed
                    run.errorCode = "RunnerStopped"
                    run.errorMessage =
                        "runner stopped: the local workspace stopped while the job was \(old); its logs are kept."
                }
                run.endTimeUtc = run.endTimeUtc ?? Timestamp.iso8601(now)
                run.processID = nil
                try run.save(db)
                record.lastModifiedAt = Timestamp.iso8601(now)
                try record.update(db)
                interrupted.append(
                    InterruptedJob(
                        name: record.name, status: old, newStatus: record.state!, processID: processID,
                        mlflowRunID: run.mlflowRunID))
            }
            return interrupted
        }
    }
}
