/// What a saved plan records so that applying it later can prove it is still current: every read it made with
/// the fingerprint of the answer, and the digest of every local file involved.
public struct PlanFingerprints: Sendable, Hashable {
    /// The reads, in the order made.
    public var reads: [ReadFingerprint]
    /// The local files, sorted by path.
    public var files: [FileFingerprint]

    /// Fingerprints.
    public init(reads: [ReadFingerprint] = [], files: [FileFingerprint] = []) {
        self.reads = reads
        self.files = files
    }
}
