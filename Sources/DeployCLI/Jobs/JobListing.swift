import AzureML

/// What `deploy jobs list` prints: the jobs, newest first (by creation time, then name).
struct JobListing: Sendable {
    /// The jobs, newest first.
    var jobs: [JobRecord]
    /// The time durations of running jobs are measured to.
    var now: Double

    /// Sorts `jobs` newest first.
    init(jobs: [JobRecord], now: Double) {
        self.jobs = jobs.sorted { left, right in
            let (a, b) = (left.createdAt.flatMap(JobTime.seconds) ?? 0, right.createdAt.flatMap(JobTime.seconds) ?? 0)
            return a != b ? a > b : left.name < right.name
        }
        self.now = now
    }

    /// A table with a header, or `No jobs.`.
    var text: String {
        guard !jobs.isEmpty else { return "No jobs.\n" }
        let rows =
            [["NAME", "TYPE", "STATUS", "CREATED", "DURATION", "PARENT", "EXPERIMENT"]]
            + jobs.map { job in
                [
                    job.name, job.type, job.status, job.createdAt.map(JobTime.short) ?? "-",
                    job.duration(now: now).map(JobTime.duration) ?? "-", job.parentJobName ?? "-",
                    job.experimentName ?? "-",
                ]
            }
        return TextTable(rows: rows, rightAligned: [4]).rendered
    }

    /// `{"jobs": [...]}`, each job as `summaryJSON`.
    var json: JSONValue {
        ["jobs": .array(jobs.map { Self.summaryJSON($0, now: now) })]
    }

    /// `{"name", "type", "status", "display_name", "experiment", "parent", "created", "started", "ended",
    /// "duration_seconds"}`.
    static func summaryJSON(_ job: JobRecord, now: Double) -> JSONValue {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "name": .string(job.name), "type": .string(job.type), "status": .string(job.status),
            "display_name": optional(job.displayName), "experiment": optional(job.experimentName),
            "parent": optional(job.parentJobName), "created": optional(job.createdAt),
            "started": optional(job.startTime), "ended": optional(job.endTime),
            "duration_seconds": job.duration(now: now).map { .double(JobDetails.rounded($0)) } ?? .null,
        ]
    }
}
