#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few synchronous file operations the blob store does inside a database transaction (they are metadata
/// operations, not data copies): create folders, move or hard-link a finished file into place, remove files.
enum POSIXFile {
    /// Creates `path` and its missing parents (mode 0700); returns `errno` on failure.
    @discardableResult
    static func makeDirectories(_ path: String) -> Int32 {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST { return errno }
            var info = stat()
            if stat(current, &info) != 0 { return errno }
            if info.st_mode & S_IFMT != S_IFDIR { return ENOTDIR }
        }
        return 0
    }

    /// Renames `source` to `destination`, replacing it; returns `errno` on failure.
    static func move(_ source: String, to destination: String) -> Int32 {
        rename(source, destination) == 0 ? 0 : errno
    }

    /// Removes a file, ignoring a missing one.
    static func remove(_ path: String) {
        unlink(path)
    }

    /// Whether `path` is a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Removes a folder's files and then the folder (one level: block staging folders are flat).
    static func removeFlatDirectory(_ path: String) {
        guard let directory = opendir(path) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(directory)
        rmdir(path)
    }

    /// The error text of `code`.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
