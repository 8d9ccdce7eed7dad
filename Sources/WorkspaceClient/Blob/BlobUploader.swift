public import AzureML
import Foundation

/// Uploads one local file to a blob URL: a single Put Blob for files up to `singlePutLimit` (4 MiB), Put Block and
/// Put Block List above, streaming from disk. Without `overwrite`, the upload is conditional (`If-None-Match: *`)
/// and a blob that already exists is reported as such rather than as an error, since concurrent deploys upload the
/// same content-addressed paths.
public struct BlobUploader: Sendable {
    /// Files up to this size go in one Put Blob.
    public static let defaultSinglePutLimit = 4 << 20
    /// The size of each block of larger files (grown when a file would need more than 50,000 blocks).
    public static let defaultBlockSize = 4 << 20
    /// Azure's limit on the blocks of one blob.
    public static let maximumBlockCount = 50_000

    /// Where the requests go.
    public let service: any WorkspaceService
    /// Files up to this size are sent with one Put Blob.
    public var singlePutLimit: Int
    /// The size of each block.
    public var blockSize: Int
    /// Blocks of one file sent at the same time.
    public var maxConcurrentBlocks: Int

    /// What an upload did.
    public enum Outcome: Sendable, Hashable {
        /// The blob was written: `bytes` in `blocks` blocks (0 for a single Put Blob).
        case uploaded(bytes: Int, blocks: Int)
        /// The blob existed already and `overwrite` was off; nothing was written.
        case alreadyExists
    }

    /// An uploader.
    public init(
        service: any WorkspaceService, singlePutLimit: Int = BlobUploader.defaultSinglePutLimit,
        blockSize: Int = BlobUploader.defaultBlockSize, maxConcurrentBlocks: Int = 4
    ) {
        self.service = service
        self.singlePutLimit = singlePutLimit
        self.blockSize = blockSize
        self.maxConcurrentBlocks = max(1, maxConcurrentBlocks)
    }

    /// Uploads the file at `path` to the blob at `url` (its SAS query kept). `progress` receives the total bytes
    /// sent so far after each Put Blob or Put Block succeeds.
    public func upload(
        file path: String, to url: BlobURL, authorization: BlobAuthorization = .sasInURL, overwrite: Bool = false,
        contentType: String? = nil, metadata: [(name: String, value: String)] = [],
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Outcome {
        let size = try Self.fileSize(path)
        var properties: [Header] = metadata.map { Header("x-ms-meta-\($0.name)", $0.value) }
        if let contentType { properties.append(Header("x-ms-blob-content-type", contentType)) }
        if !overwrite { properties.append(Header("If-None-Match", "*")) }
        if size <= singlePutLimit {
            let request = BlobRequest(
                method: "PUT", url: url.string, headers: [Header("x-ms-blob-type", "BlockBlob")] + properties,
                body: size == 0 ? .empty : .file(path: path, offset: 0, length: size), authorization: authorization)
            let response = try await service.send(request)
            if Self.isAlreadyExists(response) { return .alreadyExists }
            try Self.check(response, of: request, expecting: 201)
            progress?(size)
            return .uploaded(bytes: size, blocks: 0)
        }
        if !overwrite {
            let head = BlobRequest(method: "HEAD", url: url.string, authorization: authorization)
            let response = try await service.send(head)
            if response.status == 200 { return .alreadyExists }
            if response.status != 404 { try Self.check(response, of: head, expecting: 200) }
        }
        let size64 = size
        let blockSize = Self.blockSize(for: size64, preferred: blockSize)
        let count = (size64 + blockSize - 1) / blockSize
        let ids = (0..<count).map(Self.blockID)
        try await putBlocks(
            path: path, size: size64, blockSize: blockSize, ids: ids, url: url, authorization: authorization,
            progress: progress)
        let list = BlobRequest(
            method: "PUT", url: url.adding([("comp", "blocklist")]).string,
            headers: [Header("Content-Type", "application/xml")] + properties,
            body: .bytes(Array(Self.blockListXML(ids).utf8)), authorization: authorization)
        let response = try await service.send(list)
        if Self.isAlreadyExists(response) { return .alreadyExists }
        try Self.check(response, of: list, expecting: 201)
        return .uploaded(bytes: size, blocks: count)
    }

    private func putBlocks(
        path: String, size: Int, blockSize: Int, ids: [String], url: BlobURL, authorization: BlobAuthorization,
        progress: (@Sendable (Int) -> Void)?
    ) async throws {
        let service = service
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0
            var sent = 0
            func start() {
                let index = next
                next += 1
                let offset = index * blockSize
                let length = min(blockSize, size - offset)
                let request = BlobRequest(
                    method: "PUT", url: url.adding([("comp", "block"), ("blockid", ids[index])]).string,
                    body: .file(path: path, offset: offset, length: length), authorization: authorization)
                group.addTask {
                    let response = try await service.send(request)
                    try Self.check(response, of: request, expecting: 201)
                    return length
                }
            }
            while next < ids.count && next < maxConcurrentBlocks { start() }
            while let length = try await group.next() {
                sent += length
                progress?(sent)
                if next < ids.count { start() }
            }
        }
    }

    /// The block id of block `index`: base64 of a fixed-width counter, so every id of a blob has the same length.
    public static func blockID(_ index: Int) -> String {
        let digits = String(index)
        let counter = "block-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return Data(counter.utf8).base64EncodedString()
    }

    /// The Put Block List body committing `ids` in order.
    public static func blockListXML(_ ids: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>"
            + ids.map { "<Latest>\($0)</Latest>" }.joined() + "</BlockList>"
    }

    /// `preferred`, grown in whole MiB when the file would otherwise need more than 50,000 blocks.
    public static func blockSize(for size: Int, preferred: Int) -> Int {
        let needed = (size + maximumBlockCount - 1) / maximumBlockCount
        guard needed > preferred else { return max(1, preferred) }
        let mebibyte = 1 << 20
        return (needed + mebibyte - 1) / mebibyte * mebibyte
    }

    static func isAlreadyExists(_ response: BlobResponse) -> Bool {
        guard response.status == 409 || response.status == 412 else { return false }
        let code = StorageError(response).code
        return code == "BlobAlreadyExists" || (response.status == 412 && (code == nil || code == "ConditionNotMet"))
    }

    static func check(_ response: BlobResponse, of request: BlobRequest, expecting status: Int) throws {
        guard response.status != status else { return }
        guard !response.isSuccess else { return }
        let error = StorageError(response)
        throw WorkspaceClientError.blobFailed(
            "\(request.method) \(BlobURL(request.url))", status: response.status, code: error.code,
            detail: error.message)
    }

    static func fileSize(_ path: String) throws -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue
        else {
            throw WorkspaceClientError.io(path, "not a readable file")
        }
        return size
    }
}
