import DeployApply
import Synchronization

/// Collects the events of an apply.
final class EventLog: Sendable {
    private let storage = Mutex<[ApplyEvent]>([])

    func append(_ event: ApplyEvent) { storage.withLock { $0.append(event) } }

    var events: [ApplyEvent] { storage.withLock { $0 } }

    /// The reports of finished changes, in the order they finished.
    var finished: [ChangeReport] {
        events.compactMap { event in
            if case .finished(let report) = event { return report }
            return nil
        }
    }
}
