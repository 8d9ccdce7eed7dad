import Synchronization

/// The bytes sent so far for one change, added up from the per-file progress of parallel uploads, reported as
/// `ApplyEvent.uploading`.
final class UploadProgress: Sendable {
    private let address: String
    private let total: Int64
    private let events: @Sendable (ApplyEvent) -> Void
    private let state = Mutex<(sent: Int64, perFile: [String: Int64])>((0, [:]))

    init(address: String, total: Int64, events: @escaping @Sendable (ApplyEvent) -> Void) {
        self.address = address
        self.total = total
        self.events = events
    }

    /// The file at `path` has sent `bytes` in all.
    func file(_ path: String, sent bytes: Int64) {
        let sent = state.withLock { state in
            let previous = state.perFile[path] ?? 0
            guard bytes > previous else { return Int64?.none }
            state.perFile[path] = bytes
            state.sent += bytes - previous
            return state.sent
        }
        if let sent { events(.uploading(address: address, sent: sent, total: total)) }
    }
}
