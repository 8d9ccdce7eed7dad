/// One request to a blob service (Azure Storage or the local workspace's), authorized by the SAS query in its URL
/// or by a `SharedKey` header the transport adds.
public struct BlobRequest: Sendable, Hashable {
    /// `PUT`, `HEAD`, `GET`.
    public var method: String
    /// The blob's URL including its SAS query, if any, plus operation parameters such as `comp=metadata`.
    public var url: String
    /// Headers such as `x-ms-blob-type`, `If-None-Match`, `x-ms-meta-*`.
    public var headers: [Header]
    /// What is sent.
    public var body: BlobBody
    /// How the request is authorized.
    public var authorization: BlobAuthorization

    /// A blob request.
    public init(
        method: String, url: String, headers: [Header] = [], body: BlobBody = .empty,
        authorization: BlobAuthorization = .sasInURL
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.authorization = authorization
    }
}

/// How a blob request proves it may act: a SAS token already in its URL, or a storage account key the transport
/// signs the request with (Azure Storage `SharedKey`), as `listSecrets` returns for account-key datastores.
public enum BlobAuthorization: Sendable, Hashable, CustomStringConvertible {
    /// The URL carries a SAS query.
    case sasInURL
    /// Sign with the account's base64 key.
    case sharedKey(account: String, key: String)

    /// Never shows the key.
    public var description: String {
        switch self {
        case .sasInURL: "SAS"
        case .sharedKey(let account, _): "SharedKey \(account):<redacted>"
        }
    }
}

/// The body of a blob request: nothing, bytes in memory, or a range of a file streamed from disk.
public enum BlobBody: Sendable, Hashable {
    /// No body.
    case empty
    /// Bytes in memory.
    case bytes([UInt8])
    /// `length` bytes of the file at `path` starting at `offset`.
    case file(path: String, offset: Int, length: Int)

    /// The number of bytes sent.
    public var count: Int {
        switch self {
        case .empty: 0
        case .bytes(let bytes): bytes.count
        case .file(_, _, let length): length
        }
    }
}

/// The answer to a `BlobRequest`.
public struct BlobResponse: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The response headers (including `x-ms-meta-*` on HEAD).
    public var headers: [Header]
    /// The body (error XML, a downloaded blob, a listing).
    public var body: [UInt8]

    /// A response.
    public init(status: Int, headers: [Header] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
