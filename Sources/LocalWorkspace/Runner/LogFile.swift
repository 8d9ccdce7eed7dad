#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A log file the runner appends to (a job's `user_logs/std_log.txt`, an environment's build log) and reads back.
struct LogFile: Sendable, Hashable {
    /// The file's path.
    var path: String

    /// Appends `text` plus a newline, creating the file; failures are ignored (a log line is never worth failing a
    /// job for).
    func append(_ text: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// The file's size in bytes (0 when it does not exist).
    var size: Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Up to `limit` bytes from `offset`, and whether the end of the file was reached.
    func read(from offset: Int64, limit: Int) -> (bytes: [UInt8], reachedEnd: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return ([], true) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(0, limit))
        var count = 0
        while count < bytes.count {
            let got = bytes[count...].withUnsafeMutableBytes {
                pread(fd, $0.baseAddress, $0.count, off_t(offset) + off_t(count))
            }
            if got <= 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int64(info.st_size) : offset + Int64(count)
        return (bytes, offset + Int64(count) >= size)
    }

    /// The last `lines` lines written at or after byte `from` (at most the last 8 KiB of them), without the final
    /// newline; lines a later part of the file cut short are dropped from the front.
    func tail(lines: Int = 20, from start: Int64 = 0) -> String {
        let size = self.size
        let window: Int64 = 8 * 1024
        let begin = max(start, size - window)
        guard size > begin else { return "" }
        let (bytes, _) = read(from: begin, limit: Int(size - begin))
        var text = String(decoding: bytes, as: UTF8.self)
        if begin > start, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        var all = text.split(separator: "\n", omittingEmptySubsequences: false)
        if all.last == "" { all.removeLast() }
        return all.suffix(lines).joined(separator: "\n")
    }
}
