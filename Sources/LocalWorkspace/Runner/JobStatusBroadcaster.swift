import Synchronization

/// Delivers every `JobStatusChange` to each subscriber's own stream, in order. A subscriber that stops reading
/// keeps at most the newest 10 000 changes.
final class JobStatusBroadcaster: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<JobStatusChange>.Continuation] = [:]
        var nextID = 0
        var isFinished = false
    }

    private let state = Mutex(State())

    /// A new stream of the changes from now on.
    func subscribe() -> AsyncStream<JobStatusChange> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: JobStatusChange.self, bufferingPolicy: .bufferingNewest(10_000))
        let id: Int? = state.withLock { state in
            guard !state.isFinished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `change` to every subscriber.
    func send(_ change: JobStatusChange) {
        state.withLock { state in
            for continuation in state.subscribers.values { continuation.yield(change) }
        }
    }

    /// Ends every stream (on shutdown).
    func finish() {
        let subscribers = state.withLock { state in
            state.isFinished = true
            defer { state.subscribers = [:] }
            return state.subscribers
        }
        for continuation in subscribers.values { continuation.finish() }
    }
}
