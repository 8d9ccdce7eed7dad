#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension POSIXFile {
    /// An entry of a folder.
    struct Entry: Sendable, Hashable {
        var name: String
        var isDirectory: Bool
        /// The size of a regular file, in bytes; `nil` for a folder.
        var size: Int64?
    }

    /// The entries of a folder (symbolic links followed, `.` and `..` left out), sorted by name; `nil` when
    /// `path` is not a folder.
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard stat(path + "/" + name, &info) == 0 else { continue }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            entries.append(Entry(name: name, isDirectory: isDirectory, size: isDirectory ? nil : Int64(info.st_size)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The size of a regular file (symbolic links followed); `nil` when `path` is not one.
    static func regularFileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
