/// A read a plan made and the fingerprint of its answer (`absent`, or a SHA-256): applying a saved plan sends the
/// read again and refuses the plan when the fingerprint differs.
public struct ReadFingerprint: Sendable, Hashable {
    /// The read.
    public var read: StateRead
    /// `absent`, or the SHA-256 of what mattered in the answer (see `StateRead.Shape`).
    public var digest: String

    /// A fingerprint.
    public init(read: StateRead, digest: String) {
        self.read = read
        self.digest = digest
    }
}
