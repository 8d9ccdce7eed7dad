import AzureML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The secrets of a workspace directory, kept in `<dir>/credentials.json` with mode 0600: the bearer token every
/// ARM request must carry, and the key the server signs its SAS tokens with.
struct WorkspaceCredentials: Sendable, Hashable {
    /// The bearer token (64 hex digits).
    var token: String
    /// The SAS signing key (32 random bytes).
    var sasKey: [UInt8]

    /// The file's name inside the workspace directory.
    static let fileName = "credentials.json"

    /// Fresh random credentials.
    static func generate() -> WorkspaceCredentials {
        WorkspaceCredentials(token: RandomToken.hex(RandomToken.bytes(32)), sasKey: RandomToken.bytes(32))
    }

    /// Reads `<directory>/credentials.json`, creating it (mode 0600, exclusively) when it does not exist.
    static func loadOrCreate(directory: String) throws(LocalWorkspaceError) -> WorkspaceCredentials {
        let path = directory + "/" + fileName
        if let credentials = try read(path: path) { return credentials }
        let credentials = generate()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            // Another process created it first: use theirs.
            if errno == EEXIST, let existing = try read(path: path) { return existing }
            throw .io("cannot create the credentials file", path: path, errno: errno)
        }
        defer { close(fd) }
        let text = Array((credentials.json.serialized(.pretty) + "\n").utf8)
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == text.count, fsync(fd) == 0 else {
            throw .io("cannot write the credentials file", path: path, errno: errno)
        }
        return credentials
    }

    private static func read(path: String) throws(LocalWorkspaceError) -> WorkspaceCredentials? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io("cannot read the credentials file", path: path, errno: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw .io("cannot read the credentials file", path: path, errno: errno) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard let json = try? JSONValue(parsing: bytes), let token = json["token"]?.stringValue, token.count >= 32,
            let key = json["sasKey"]?.stringValue.flatMap(Base64.decode), key.count >= 16
        else {
            throw .workspaceSetup(
                "the credentials file is not valid: expected {\"token\": ..., \"sasKey\": ...}", path: path)
        }
        return WorkspaceCredentials(token: token, sasKey: key)
    }

    private var json: JSONValue {
        ["token": .string(token), "sasKey": .string(Base64.encode(sasKey))]
    }
}
