internal import NIOCore
internal import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

/// The open file and the position in the range; the lock makes it safe to hand between the iterating task and the
/// thread pool.
final class FileRangeReader: Sendable {
    private struct State {
        var descriptor: Int32 = -1
        var position: Int
        var remaining: Int
        var finished = false
    }

    private let path: String
    private let chunkSize: Int
    private let state: Mutex<State>

    init(path: String, offset: Int, length: Int, chunkSize: Int) {
        self.path = path
        self.chunkSize = chunkSize
        state = Mutex(State(position: offset, remaining: length))
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { _ = close(state.descriptor) }
        }
    }

    /// The next chunk, or `nil` at the end of the range. A file shorter than the range is an error, since the
    /// request announced the range's length.
    func read() throws -> ByteBuffer? {
        try state.withLock { state throws -> ByteBuffer? in
            guard !state.finished else { return nil }
            if state.remaining == 0 {
                finish(&state)
                return nil
            }
            if state.descriptor < 0 {
                state.descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard state.descriptor >= 0 else {
                    throw WorkspaceClientError.io(path, "cannot open: \(String(cString: strerror(errno)))")
                }
            }
            let count = min(chunkSize, state.remaining)
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            let descriptor = state.descriptor
            let position = state.position
            let read = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { pointer in
                var done = 0
                while done < count {
                    let result = pread(descriptor, pointer.baseAddress! + done, count - done, off_t(position + done))
                    if result < 0 {
                        if errno == EINTR { continue }
                        throw WorkspaceClientError.io(path, "cannot read: \(String(cString: strerror(errno)))")
                    }
                    if result == 0 { break }
                    done += result
                }
                return done
            }
            guard read == count else {
                finish(&state)
                throw WorkspaceClientError.io(path, "the file is shorter than expected (it changed while uploading)")
            }
            state.position += read
            state.remaining -= read
            if state.remaining == 0 { finish(&state) }
            return buffer
        }
    }

    private func finish(_ state: inout State) {
        if state.descriptor >= 0 { _ = close(state.descriptor) }
        state.descriptor = -1
        state.finished = true
    }
}
