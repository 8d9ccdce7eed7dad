/// A piece of a job's log as the local workspace's log route answers it (`GET {WS}/jobs/{name}/logs?offset=N`, an
/// extension of the ARM API that Azure does not serve): the bytes from the offset asked for, where to ask next, the
/// job's status when the bytes were read, and whether the log is complete (the job had ended and the read reached
/// the end of the log).
public struct JobLogChunk: Sendable, Hashable {
    /// `x-deploy-log-next-offset`: the offset to ask for next.
    public static let nextOffsetHeader = "x-deploy-log-next-offset"
    /// `x-deploy-job-status`: the job's status when the bytes were read.
    public static let statusHeader = "x-deploy-job-status"
    /// `x-deploy-log-complete`: `true` when nothing more will come.
    public static let completeHeader = "x-deploy-log-complete"
    /// The most bytes the route answers when no `limit` is given (1 MiB).
    public static let defaultLimit = 1 << 20

    /// The log's bytes from the offset asked for.
    public var bytes: [UInt8]
    /// The offset to ask for next.
    public var nextOffset: Int64
    /// The job's status when the bytes were read.
    public var status: String
    /// Whether the job had ended and the log is read to its end.
    public var complete: Bool

    /// A chunk with every field given.
    public init(bytes: [UInt8], nextOffset: Int64, status: String, complete: Bool) {
        self.bytes = bytes
        self.nextOffset = nextOffset
        self.status = status
        self.complete = complete
    }

    /// The chunk a 200 answer of the log route carries, or `nil` when its headers are missing (a server that does
    /// not stream logs).
    public init?(headers: [Header], body: [UInt8]) {
        guard let next = headers.value(Self.nextOffsetHeader).flatMap({ Int64($0) }),
            let status = headers.value(Self.statusHeader)
        else { return nil }
        self.init(
            bytes: body, nextOffset: next, status: status, complete: headers.value(Self.completeHeader) == "true")
    }
}
