#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls that listing and hashing need: directory entries in the order the kernel gives them (the order
/// Python's `os.walk` and `Path.iterdir` see, which decides ties in the SDK's sorts), `stat`, `lstat`, `realpath`.
enum FileSystem {
    /// What a path is.
    enum Kind: Sendable, Equatable {
        case regular
        case directory
        case symbolicLink
        case other
    }

    /// The parts of `struct stat` we use.
    struct Status: Sendable, Equatable {
        var kind: Kind
        var size: Int64
        /// Device and inode: the identity of a directory, to recognise a symbolic link loop.
        var identity: Identity
    }

    /// Device and inode numbers.
    struct Identity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// `stat` (following symbolic links) or `lstat`; `nil` when the path does not exist or cannot be reached (a
    /// dangling symbolic link, for instance).
    static func status(_ path: String, followingLinks: Bool) -> Status? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let kind: Kind
        switch UInt32(info.st_mode) & 0o170000 {
        case 0o100000: kind = .regular
        case 0o040000: kind = .directory
        case 0o120000: kind = .symbolicLink
        default: kind = .other
        }
        return Status(
            kind: kind,
            size: Int64(info.st_size),
            identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        )
    }

    /// `realpath(3)`: the absolute path with every symbolic link, `.` and `..` resolved.
    static func realPath(_ path: String) throws(AzureMLError) -> String {
        guard let resolved = realpath(path, nil) else {
            throw .io(lastError(), path: path)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a directory, without `.` and `..`, in the order `readdir` returns them.
    static func entries(of directory: String) throws(AzureMLError) -> [String] {
        guard let stream = opendir(directory) else {
            throw .io("cannot list the folder: \(lastError())", path: directory)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(validatingCString: $0)
                }
            }
            guard let name else {
                throw .io("a file name in this folder is not valid UTF-8", path: directory)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// The whole content of a small file (an ignore file).
    static func contents(of path: String) throws(AzureMLError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io("cannot read the file: \(lastError())", path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read the file: \(lastError())", path: path)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// `directory/name`, without doubling the slash of the root folder.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The last path component.
    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `os.path.relpath(path, start)` for absolute, normalised paths.
    static func relativePath(_ path: String, from start: String) -> String {
        let target = path.split(separator: "/")
        let base = start.split(separator: "/")
        var common = 0
        // Byte comparison: `String`'s `==` would equate differently normalised names.
        while common < target.count && common < base.count && target[common].utf8.elementsEqual(base[common].utf8) {
            common += 1
        }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `strerror(errno)`.
    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
