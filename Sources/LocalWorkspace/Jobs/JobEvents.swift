/// The seam between the server and the job runner: the server sends a `JobEvent` for every job it creates,
/// cancels or deletes, and the runner (a single consumer) reads `stream`. On start the runner should also pick up
/// the jobs the store still holds as `NotStarted` (`WorkspaceStore.jobNames(withStatus:)`), since events are not
/// persisted. Without a consumer the newest 10 000 events are buffered.
public final class JobEvents: Sendable {
    /// The events, in the order the server made the changes.
    public let stream: AsyncStream<JobEvent>
    private let continuation: AsyncStream<JobEvent>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: JobEvent.self, bufferingPolicy: .bufferingNewest(10_000))
    }

    func send(_ event: JobEvent) {
        continuation.yield(event)
    }

    /// Ends the stream (on server shutdown).
    func finish() {
        continuation.finish()
    }
}
