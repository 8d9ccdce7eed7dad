/// Which queued jobs may start: a pure state machine, driven by `JobRunner`.
///
/// Jobs run in pools, one per compute (jobs without a compute share the local pool). A pool runs at most its
/// capacity at once (the compute's `maxNodeCount`, or the number of cores); the others wait in submission order, and
/// a job never overtakes an earlier one of its pool. Pools are independent of each other.
struct JobQueue: Sendable {
    private struct Pool: Sendable {
        var capacity: Int
        var running: [String] = []
        var waiting: [String] = []
    }

    private var pools: [String: Pool] = [:]
    private var poolOfJob: [String: String] = [:]

    /// Queues `job` in `pool`, whose capacity is now `capacity` (at least 1); returns the jobs to start now.
    mutating func enqueue(_ job: String, pool: String, capacity: Int) -> [String] {
        guard poolOfJob[job] == nil else { return [] }
        poolOfJob[job] = pool
        pools[pool, default: Pool(capacity: max(1, capacity))].capacity = max(1, capacity)
        pools[pool]!.waiting.append(job)
        return startable(in: pool)
    }

    /// Forgets `job`, waiting or running (it ended, was cancelled or deleted); returns the jobs that may start now.
    mutating func remove(_ job: String) -> [String] {
        guard let pool = poolOfJob.removeValue(forKey: job) else { return [] }
        pools[pool]!.running.removeAll { $0 == job }
        pools[pool]!.waiting.removeAll { $0 == job }
        let started = startable(in: pool)
        if pools[pool]!.running.isEmpty && pools[pool]!.waiting.isEmpty { pools[pool] = nil }
        return started
    }

    /// Whether `job` waits for a slot.
    func isWaiting(_ job: String) -> Bool {
        guard let pool = poolOfJob[job] else { return false }
        return pools[pool]!.waiting.contains(job)
    }

    /// Whether `job` holds a slot.
    func isRunning(_ job: String) -> Bool {
        guard let pool = poolOfJob[job] else { return false }
        return pools[pool]!.running.contains(job)
    }

    /// The pool of a queued or running job.
    func pool(of job: String) -> String? {
        poolOfJob[job]
    }

    /// The jobs holding a slot in `pool`, in the order they started.
    func running(in pool: String) -> [String] {
        pools[pool]?.running ?? []
    }

    /// The jobs waiting in `pool`, first in line first.
    func waiting(in pool: String) -> [String] {
        pools[pool]?.waiting ?? []
    }

    private mutating func startable(in pool: String) -> [String] {
        var started: [String] = []
        while pools[pool]!.running.count < pools[pool]!.capacity, !pools[pool]!.waiting.isEmpty {
            let job = pools[pool]!.waiting.removeFirst()
            pools[pool]!.running.append(job)
            started.append(job)
        }
        return started
    }
}
