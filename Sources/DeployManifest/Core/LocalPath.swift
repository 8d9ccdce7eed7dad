/// A path on this machine that a manifest names (code folder, conda file, build context, local input or data),
/// as written and resolved against the folder of the file that names it.
public struct LocalPath: Sendable, Hashable, CustomStringConvertible {
    /// The path exactly as written in the manifest.
    public var written: String
    /// The absolute, normalized path (`.` and `..` segments removed, symbolic links not resolved).
    public var absolute: String
    /// The path as diagnostics show it: the manifest's folder as the user gave it, joined with `written`.
    public var display: String

    /// A path with every form given.
    public init(written: String, absolute: String, display: String) {
        self.written = written
        self.absolute = absolute
        self.display = display
    }

    /// `written` resolved against `directory` (an absolute path) and shown relative to `displayDirectory`.
    public init(written: String, relativeTo directory: String, displayDirectory: String) {
        self.written = written
        if written.hasPrefix("/") {
            self.absolute = LocalPath.normalize(written)
            self.display = written
        } else {
            self.absolute = LocalPath.normalize(directory + "/" + written)
            self.display = LocalPath.join(displayDirectory, written)
        }
    }

    /// The absolute path.
    public var description: String { absolute }

    /// The last path component of the absolute path (the name the SDK uploads a folder under).
    public var lastComponent: String {
        absolute.split(separator: "/").last.map(String.init) ?? absolute
    }

    /// `/a/./b/../c/` → `/a/c`; keeps a leading `/`, drops a trailing one.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder part of a path (`.` for a bare name, `/` for a top-level entry).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `directory/path`, without a `./` prefix when the directory is `.` or empty.
    static func join(_ directory: String, _ path: String) -> String {
        if directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
