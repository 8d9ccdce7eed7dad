import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds files into a hash in large reads through one reused buffer, so that a file of any size costs one buffer of
/// memory and the hashing, not the system calls, sets the pace.
final class FileStreamer {
    /// Bytes per `read`: large enough that system call overhead vanishes next to SHA-256, small enough for the cache.
    static let bufferSize = 1 << 20

    private let buffer: UnsafeMutableRawBufferPointer

    init() {
        buffer = .allocate(byteCount: Self.bufferSize, alignment: 64)
    }

    deinit {
        buffer.deallocate()
    }

    /// Hashes the bytes of the file at `path`; returns how many there were.
    @discardableResult
    func update(_ hasher: inout SHA256, withContentsOf path: String) throws(AzureMLError) -> Int64 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io("cannot read the file: \(FileSystem.lastError())", path: path) }
        defer { close(descriptor) }
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        var total: Int64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read the file: \(FileSystem.lastError())", path: path)
            }
            if count == 0 { return total }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            total += Int64(count)
        }
    }
}
