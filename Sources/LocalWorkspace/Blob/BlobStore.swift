import AzureML
import Crypto
import GRDB
import Hummingbird
import NIOCore
import _NIOFileSystem

/// Blob containers and block blobs: bytes as files under `<dir>/blobs/<container>/<name>`, properties and metadata
/// in the `blob` table. Uploads stream to a staging file (never buffered whole), then move into place inside the
/// transaction that records them, so concurrent writers of one blob are serialized and `If-None-Match: *` is
/// first-writer-wins.
final class BlobStore: Sendable {
    let root: String
    let staging: String
    let database: DatabasePool

    init(directory: String, database: DatabasePool) throws(LocalWorkspaceError) {
        root = directory + "/blobs"
        staging = directory + "/staging"
        self.database = database
        for path in [root, staging + "/uploads", staging + "/blocks"] {
            let code = POSIXFile.makeDirectories(path)
            if code != 0 { throw .io("cannot create the folder", path: path, errno: code) }
        }
    }

    /// The file of a committed blob.
    func path(container: String, blob: String) -> String {
        root + "/" + container + "/" + blob
    }

    // MARK: Containers

    func createContainer(_ name: String, isTemporary: Bool) async throws {
        try await database.write { db in
            try ContainerRecord(name: name, isTemporary: isTemporary, createdAt: Timestamp.iso8601(Timestamp.now()))
                .insert(db)
        }
    }

    func container(_ name: String) async throws -> ContainerRecord? {
        try await database.read { db in try ContainerRecord.fetchOne(db, key: name) }
    }

    // MARK: Reading

    func blob(container: String, name: String) async throws -> BlobRecord? {
        try await database.read { db in try BlobRecord.fetchOne(db, key: ["container": container, "name": name]) }
    }

    /// Blobs of `container` whose names start with `prefix` and sort after `marker`, in name order, at most
    /// `limit` of them plus whether more follow.
    func list(container: String, prefix: String, after marker: String?, limit: Int) async throws -> [BlobRecord] {
        try await database.read { db in
            var request = BlobRecord.filter(Column("container") == container)
            if !prefix.isEmpty {
                request = request.filter(sql: "substr(name, 1, ?) = ?", arguments: [prefix.count, prefix])
            }
            if let marker { request = request.filter(Column("name") > marker) }
            return try request.order(Column("name")).limit(limit).fetchAll(db)
        }
    }

    // MARK: Writing

    /// What an upload wrote to its staging file.
    struct StagedFile: Sendable {
        var path: String
        var size: Int64
        var md5: [UInt8]
    }

    /// Streams `body` to a new staging file, at most `limit` bytes, computing its MD5.
    func stage(_ body: RequestBody, limit: Int64, under folder: String? = nil, name: String? = nil) async throws
        -> StagedFile
    {
        let path = (folder ?? staging + "/uploads") + "/" + (name ?? RandomToken.uuid())
        var size: Int64 = 0
        var md5 = Insecure.MD5()
        do {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(path), options: .newFile(replaceExisting: true)
            ) { handle in
                try await handle.withBufferedWriter { writer in
                    for try await buffer in body {
                        size += Int64(buffer.readableBytes)
                        if size > limit { throw HTTPError(.contentTooLarge) }
                        buffer.withUnsafeReadableBytes { md5.update(bufferPointer: $0) }
                        try await writer.write(contentsOf: buffer)
                    }
                }
            }
        } catch {
            POSIXFile.remove(path)
            throw error
        }
        return StagedFile(path: path, size: size, md5: Array(md5.finalize()))
    }

    /// Moves a staged file into place as `container/name` and records it, in one transaction. With
    /// `ifNoneMatch`, an existing blob makes it fail with `BlobAlreadyExists`.
    func commit(
        _ file: StagedFile, container: String, name: String, contentType: String, metadata: [(String, String)],
        ifNoneMatch: Bool
    ) async throws -> BlobRecord {
        let destination = path(container: container, blob: name)
        let now = Timestamp.now()
        do {
            return try await database.write { db in
                let key: [String: any DatabaseValueConvertible] = ["container": container, "name": name]
                let existing = try BlobRecord.fetchOne(db, key: key)
                if ifNoneMatch && existing != nil { throw BlobError.blobAlreadyExists }
                guard try ContainerRecord.fetchOne(db, key: container) != nil else {
                    throw BlobError.containerNotFound
                }
                let parent = String(destination[..<destination.lastIndex(of: "/")!])
                let code = POSIXFile.makeDirectories(parent)
                if code != 0 || POSIXFile.isDirectory(destination) {
                    throw BlobError(
                        .conflict, code: "InvalidBlobOrBlock",
                        message: "The blob name '\(name)' conflicts with another blob's path: a blob cannot be both a "
                            + "file and a folder here.")
                }
                let moved = POSIXFile.move(file.path, to: destination)
                guard moved == 0 else {
                    throw BlobError(
                        .internalServerError, code: "InternalError",
                        message: "Cannot store the blob: \(POSIXFile.describe(moved)).")
                }
                let record = BlobRecord(
                    container: container, name: name, size: file.size, contentMD5: Base64.encode(file.md5),
                    contentType: contentType, etag: Self.etag(now), metadata: Self.metadataJSON(metadata),
                    createdAt: existing?.createdAt ?? Timestamp.iso8601(now), lastModifiedAt: Timestamp.iso8601(now))
                try record.save(db)
                return record
            }
        } catch {
            POSIXFile.remove(file.path)
            throw error
        }
    }

    /// Replaces a blob's metadata.
    func setMetadata(container: String, name: String, metadata: [(String, String)]) async throws -> BlobRecord {
        try await database.write { db in
            guard var record = try BlobRecord.fetchOne(db, key: ["container": container, "name": name]) else {
                throw BlobError.blobNotFound
            }
            let now = Timestamp.now()
            record.metadata = Self.metadataJSON(metadata)
            record.etag = Self.etag(now)
            record.lastModifiedAt = Timestamp.iso8601(now)
            try record.update(db)
            return record
        }
    }

    // MARK: Blocks

    /// The staging folder of a blob's uncommitted blocks.
    func blockFolder(container: String, blob: String) -> String {
        staging + "/blocks/" + container + "-" + RandomToken.hex(SHA256.hash(data: Array(blob.utf8)))
    }

    /// Streams one block to the blob's staging folder.
    func putBlock(_ body: RequestBody, container: String, blob: String, blockID: [UInt8], limit: Int64) async throws
        -> StagedFile
    {
        let folder = blockFolder(container: container, blob: blob)
        let code = POSIXFile.makeDirectories(folder)
        if code != 0 {
            throw BlobError(
                .internalServerError, code: "InternalError",
                message: "Cannot stage the block: \(POSIXFile.describe(code)).")
        }
        return try await stage(body, limit: limit, under: folder, name: RandomToken.hex(blockID))
    }

    /// Concatenates the named blocks into a staging file; a block that was never put is `InvalidBlockList`.
    func assemble(container: String, blob: String, blockIDs: [[UInt8]]) async throws -> StagedFile {
        let folder = blockFolder(container: container, blob: blob)
        let path = staging + "/uploads/" + RandomToken.uuid()
        var size: Int64 = 0
        var md5 = Insecure.MD5()
        do {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(path), options: .newFile(replaceExisting: true)
            ) { output in
                try await output.withBufferedWriter { writer in
                    for id in blockIDs {
                        let blockPath = FilePath(folder + "/" + RandomToken.hex(id))
                        guard try await FileSystem.shared.info(forFileAt: blockPath) != nil else {
                            throw BlobError(
                                .badRequest, code: "InvalidBlockList", message: "The specified block list is invalid.")
                        }
                        try await FileSystem.shared.withFileHandle(forReadingAt: blockPath) { input in
                            for try await chunk in input.readChunks() {
                                size += Int64(chunk.readableBytes)
                                chunk.withUnsafeReadableBytes { md5.update(bufferPointer: $0) }
                                try await writer.write(contentsOf: chunk)
                            }
                        }
                    }
                }
            }
        } catch {
            POSIXFile.remove(path)
            throw error
        }
        return StagedFile(path: path, size: size, md5: Array(md5.finalize()))
    }

    /// Drops a blob's uncommitted blocks (after a commit).
    func discardBlocks(container: String, blob: String) {
        POSIXFile.removeFlatDirectory(blockFolder(container: container, blob: blob))
    }

    // MARK: Helpers

    /// An ETag shaped like Azure's (`"0x8DC..."`), unique per write.
    static func etag(_ now: Double) -> String {
        let ticks = UInt64(now * 10_000_000) &+ 621_355_968_000_000_000
        return "\"0x" + String(ticks, radix: 16, uppercase: true) + RandomToken.hex(RandomToken.bytes(2)).uppercased()
            + "\""
    }

    static func metadataJSON(_ metadata: [(String, String)]) -> String {
        var object = JSONObject()
        for (name, value) in metadata { object[name] = .string(value) }
        return JSONValue.object(object).serialized(.compact)
    }
}
