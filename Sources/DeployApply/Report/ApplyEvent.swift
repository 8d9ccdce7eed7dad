/// What an apply tells its caller while it runs, for progress output: a change started, bytes of its uploads sent,
/// a change finished.
public enum ApplyEvent: Sendable, Hashable {
    /// The change at this address started.
    case started(address: String)
    /// Uploads of the change at `address`: `sent` of `total` bytes.
    case uploading(address: String, sent: Int64, total: Int64)
    /// A change finished (or was found to need nothing, or was not attempted).
    case finished(ChangeReport)
}
