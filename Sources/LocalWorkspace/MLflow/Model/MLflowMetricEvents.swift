import Synchronization

/// Broadcasts every metric point the store records, as it is committed, to any number of subscribers: the job
/// runner and the sweep scheduler each call `subscribe` and read their own stream. Events are not persisted: read
/// `MLflowStore.metricHistory` for what was logged before subscribing.
public final class MLflowMetricEvents: Sendable {
    private struct State {
        var nextID = 0
        var subscribers: [Int: (runID: String?, continuation: AsyncStream<MLflowMetricEvent>.Continuation)] = [:]
        var isFinished = false
    }

    private let state = Mutex(State())

    init() {}

    /// A stream of the points logged from now on, to `runID` only when given. It ends when the server shuts down;
    /// dropping or cancelling it unsubscribes. Unread events are buffered without limit unless told otherwise.
    public func subscribe(
        runID: String? = nil,
        bufferingPolicy: AsyncStream<MLflowMetricEvent>.Continuation.BufferingPolicy = .unbounded
    ) -> AsyncStream<MLflowMetricEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: MLflowMetricEvent.self, bufferingPolicy: bufferingPolicy)
        let id: Int? = state.withLock { state in
            guard !state.isFinished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = (runID, continuation)
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

    /// How many streams are subscribed.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Sends committed points to every interested subscriber, in order.
    func publish(_ events: [MLflowMetricEvent]) {
        guard !events.isEmpty else { return }
        // Yielding never blocks; doing it under the lock keeps every stream in publishing order.
        state.withLock { state in
            for subscriber in state.subscribers.values {
                for event in events where subscriber.runID == nil || subscriber.runID == event.runID {
                    subscriber.continuation.yield(event)
                }
            }
        }
    }

    /// Ends every stream (on server shutdown); later subscriptions end at once.
    func finish() {
        let subscribers = state.withLock { state in
            state.isFinished = true
            let subscribers = Array(state.subscribers.values)
            state.subscribers = [:]
            return subscribers
        }
        for subscriber in subscribers { subscriber.continuation.finish() }
    }
}
