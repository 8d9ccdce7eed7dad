internal import NIOCore
internal import NIOPosix

/// A range of a file as an asynchronous sequence of buffers, read on NIO's blocking-I/O thread pool so request
/// bodies stream from disk without loading the file. The file is opened on the first read and closed at the end
/// (or when the iteration is abandoned); each iteration reads the range afresh, so a retried request resends it.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let offset: Int
    let length: Int
    let chunkSize: Int

    init(path: String, offset: Int, length: Int, chunkSize: Int = 256 << 10) {
        self.path = path
        self.offset = offset
        self.length = length
        self.chunkSize = chunkSize
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(reader: FileRangeReader(path: path, offset: offset, length: length, chunkSize: chunkSize))
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let reader: FileRangeReader

        mutating func next() async throws -> ByteBuffer? {
            let reader = reader
            return try await NIOThreadPool.singleton.runIfActive { try reader.read() }
        }
    }

    /// Calls `body` with each chunk of the range, in order (for hashing without holding the range in memory).
    static func forEachChunk(
        path: String, offset: Int, length: Int, _ body: (ByteBuffer) throws -> Void
    ) async throws {
        for try await chunk in FileChunks(path: path, offset: offset, length: length) { try body(chunk) }
    }
}
