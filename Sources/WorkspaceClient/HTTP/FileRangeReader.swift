internal import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
