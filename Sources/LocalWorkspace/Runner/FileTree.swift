#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file operations of the runner beyond `POSIXFile`: folder listings, recursive removal, file copies and
/// symbolic links. Symbolic links are never followed when removing.
enum FileTree {
    /// What a path is.
    enum Kind: Sendable, Hashable {
        case missing
        case file
        case directory
        case symbolicLink
        case other
    }

    /// What `path` is, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path` exists, following symbolic links.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The names in a folder, sorted, without `.` and `..`; empty when it cannot be read.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes `path` and everything below it; a symbolic link is removed, never followed. A missing path is fine.
    static func remove(_ path: String) {
        switch kind(path) {
        case .missing: return
        case .directory:
            for name in names(in: path) { remove(path + "/" + name) }
            rmdir(path)
        default:
            unlink(path)
        }
    }

    /// Copies the file `source` to `destination` (replacing it), keeping the executable bits; returns `errno` on
    /// failure.
    static func copyFile(_ source: String, to destination: String) -> Int32 {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return errno }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return errno }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, info.st_mode & 0o777 | 0o600)
        guard output >= 0 else { return errno }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 { return errno }
            if count == 0 { return 0 }
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if written < 0 { return errno }
                offset += written
            }
        }
    }

    /// Points `link` at `target` atomically: a temporary link renamed over `link`, so readers see either the old
    /// state or the new one, never a missing or half-made link. Returns `errno` on failure.
    static func publishLink(_ link: String, to target: String) -> Int32 {
        let temporary = link + ".tmp-link-\(getpid())-\(RandomToken.hex(RandomToken.bytes(4)))"
        guard symlink(target, temporary) == 0 else { return errno }
        guard rename(temporary, link) == 0 else {
            let code = errno
            unlink(temporary)
            return code
        }
        return 0
    }

    /// The target of a symbolic link, or `nil`.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
