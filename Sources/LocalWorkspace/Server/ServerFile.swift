import AzureML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `<dir>/server.json`: how other `deploy` commands find a running `deploy serve` (its URL, process id and
/// workspace id). It holds no secret; the token stays in `credentials.json`.
public struct ServerFile: Sendable, Hashable {
    /// The file's name inside the workspace directory.
    public static let fileName = "server.json"

    /// The server's base URL.
    public var url: String
    /// The serving process.
    public var pid: Int32
    /// The workspace's ARM id.
    public var workspaceID: String

    /// A server file.
    public init(url: String, pid: Int32, workspaceID: String) {
        self.url = url
        self.pid = pid
        self.workspaceID = workspaceID
    }

    /// The file of the server running for `directory`; `nil` when there is none, it cannot be read, or its
    /// process is gone (a server that was killed leaves its file behind).
    public static func running(in directory: String) -> ServerFile? {
        guard let bytes = read(directory + "/" + fileName), let json = try? JSONValue(parsing: bytes),
            let url = json["url"]?.stringValue, let pid = json["pid"]?.intValue,
            let workspaceID = json["workspace"]?.stringValue, pid > 0
        else { return nil }
        guard kill(Int32(pid), 0) == 0 || errno == EPERM else { return nil }
        return ServerFile(url: url, pid: Int32(pid), workspaceID: workspaceID)
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(in directory: String) throws(LocalWorkspaceError) {
        let path = directory + "/" + Self.fileName
        let temporary = path + ".tmp-\(getpid())"
        let json: JSONValue = ["url": .string(url), "pid": .int(Int(pid)), "workspace": .string(workspaceID)]
        let bytes = Array((json.serialized(.pretty) + "\n").utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot write the server file", path: path, errno: errno) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .io("cannot write the server file", path: path, errno: errno)
        }
    }

    /// Removes the file if it still names process `pid` (another server may have replaced it).
    public static func remove(in directory: String, pid: Int32) {
        let path = directory + "/" + fileName
        guard let bytes = read(path), let json = try? JSONValue(parsing: bytes), json["pid"]?.intValue == Int(pid)
        else { return }
        unlink(path)
    }

    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}
