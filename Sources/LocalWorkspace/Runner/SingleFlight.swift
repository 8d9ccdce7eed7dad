/// Runs one computation per key at a time and shares its result with every caller that asks while it runs (two
/// jobs needing the same environment build it once). A caller whose task is cancelled stops waiting at once with
/// `CancellationError`; the computation goes on for the others. Results are not kept: the computation itself
/// finds what an earlier one left on disk.
actor SingleFlight<Value: Sendable> {
    private struct Flight {
        var task: Task<Void, Never>
        var waiters: [Int: CheckedContinuation<Value, any Error>] = [:]
    }

    private var flights: [String: Flight] = [:]
    private var nextWaiter = 0

    /// The value for `key`: joins the computation in flight, or starts `compute`. `joined` tells whether another
    /// caller had started it.
    func value(for key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> (
        value: Value, joined: Bool
    ) {
        let waiter = nextWaiter
        nextWaiter += 1
        let joined = flights[key] != nil
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                if flights[key] == nil {
                    let task = Task {
                        let result: Result<Value, any Error>
                        do {
                            result = .success(try await compute())
                        } catch {
                            result = .failure(error)
                        }
                        self.finish(key, with: result)
                    }
                    flights[key] = Flight(task: task)
                }
                flights[key]!.waiters[waiter] = continuation
            }
        } onCancel: {
            Task { await self.abandon(key, waiter: waiter) }
        }
        return (value, joined)
    }

    /// Cancels every computation in flight (on shutdown); their callers get the error they end with.
    func cancelAll() {
        for flight in flights.values { flight.task.cancel() }
    }

    private func finish(_ key: String, with result: Result<Value, any Error>) {
        guard let flight = flights.removeValue(forKey: key) else { return }
        for continuation in flight.waiters.values { continuation.resume(with: result) }
    }

    private func abandon(_ key: String, waiter: Int) {
        flights[key]?.waiters.removeValue(forKey: waiter)?.resume(throwing: CancellationError())
    }
}
