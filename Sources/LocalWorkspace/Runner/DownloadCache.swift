import AsyncHTTPClient
import Crypto
import NIOCore
import NIOHTTP1
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// http(s) inputs, downloaded once into `<workspace>/cache/downloads/<hash>/<file name>` (`<hash>`: the first 16
/// hex digits of the URL's SHA-256) and reused by later jobs. A download goes to a temporary file renamed into
/// place when complete, so a partial one is never used; concurrent jobs share one download; a download larger than
/// the size limit or slower than the time limit fails the job.
final class DownloadCache: Sendable {
    /// `<workspace>/cache/downloads`.
    let root: String
    private let client = Mutex<HTTPClient?>(nil)
    private let maxSize: Int64
    private let timeout: Double
    private let flights = SingleFlight<String>()

    init(workspaceDirectory: String, maxSize: Int64, timeout: Double) {
        root = workspaceDirectory + "/cache/downloads"
        self.maxSize = maxSize
        self.timeout = timeout
    }

    /// The local file of `url`, downloaded if it is not in the cache yet. `note` receives a line for the job's log.
    func file(for url: String, field: String, note: @Sendable (String) -> Void) async throws -> String {
        let key = String(RandomToken.hex(SHA256.hash(data: Array(url.utf8))).prefix(16))
        let folder = root + "/" + key
        if let cached = FileTree.names(in: folder).first(where: { !$0.hasPrefix(".") }) {
            note("\(field): using the cached download of \(Self.redacted(url))")
            return folder + "/" + cached
        }
        note("\(field): downloading \(Self.redacted(url))")
        let (path, _) = try await flights.value(for: key) { [self] in
            try await download(url, into: folder, field: field)
        }
        return path
    }

    /// Shuts the HTTP client down, if one was made (on server shutdown).
    func shutdown() async {
        let client = client.withLock { client in
            defer { client = nil }
            return client
        }
        try? await client?.shutdown()
    }

    /// The HTTP client, made on first use (most workspaces never download).
    private func httpClient() -> HTTPClient {
        client.withLock { client in
            if let client { return client }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .seconds(30), read: .seconds(120))
            let made = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            client = made
            return made
        }
    }

    private func download(_ url: String, into folder: String, field: String) async throws -> String {
        if let cached = FileTree.names(in: folder).first(where: { !$0.hasPrefix(".") }) { return folder + "/" + cached }
        let code = POSIXFile.makeDirectories(folder)
        if code != 0 { throw LocalWorkspaceError.io("cannot create the folder", path: folder, errno: code) }
        let name = Self.fileName(of: url)
        let temporary = folder + "/.partial-" + RandomToken.hex(RandomToken.bytes(4))
        defer { unlink(temporary) }
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1_000))
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response: HTTPClientResponse
        do {
            response = try await httpClient().execute(request, deadline: deadline)
        } catch {
            throw LocalWorkspaceError.jobPreparation("cannot download \(Self.redacted(url)): \(error)", field: field)
        }
        guard (200..<300).contains(response.status.code) else {
            throw LocalWorkspaceError.jobPreparation(
                "cannot download \(Self.redacted(url)): the server answered \(response.status.code) \(response.status.reasonPhrase)",
                field: field)
        }
        if let length = response.headers.first(name: "content-length").flatMap({ Int64($0) }), length > maxSize {
            throw LocalWorkspaceError.jobPreparation(
                "cannot download \(Self.redacted(url)): it is \(length) bytes, more than the limit of \(maxSize)",
                field: field)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LocalWorkspaceError.io("cannot write the download", path: temporary, errno: errno) }
        var size: Int64 = 0
        do {
            defer { close(fd) }
            for try await chunk in response.body {
                size += Int64(chunk.readableBytes)
                if size > maxSize {
                    throw LocalWorkspaceError.jobPreparation(
                        "cannot download \(Self.redacted(url)): it is larger than the limit of \(maxSize) bytes",
                        field: field)
                }
                if NIODeadline.now() > deadline {
                    throw LocalWorkspaceError.jobPreparation(
                        "cannot download \(Self.redacted(url)): it took longer than \(Int(timeout)) seconds",
                        field: field)
                }
                try chunk.withUnsafeReadableBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                        if written <= 0 {
                            throw LocalWorkspaceError.io("cannot write the download", path: temporary, errno: errno)
                        }
                        offset += written
                    }
                }
            }
        } catch let error as LocalWorkspaceError {
            throw error
        } catch {
            throw LocalWorkspaceError.jobPreparation("cannot download \(Self.redacted(url)): \(error)", field: field)
        }
        let destination = folder + "/" + name
        guard rename(temporary, destination) == 0 else {
            throw LocalWorkspaceError.io("cannot store the download", path: destination, errno: errno)
        }
        return destination
    }

    /// The URL without its query, which may hold a secret (a SAS signature): `https://host/path?…`.
    static func redacted(_ url: String) -> String {
        guard let query = url.firstIndex(of: "?") else { return url }
        return url[..<query] + "?…"
    }

    /// The URL's last path component, percent-decoded, if it is a safe file name; `download` otherwise.
    static func fileName(of url: String) -> String {
        var path = url
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        if let scheme = path.firstRange(of: "://") { path = String(path[scheme.upperBound...]) }
        let components = path.split(separator: "/")
        guard components.count > 1, let last = components.last,
            let decoded = QueryParameters.percentDecode(String(last)), JobFiles.isSafeName(decoded),
            !decoded.hasPrefix(".")
        else { return "download" }
        return decoded
    }
}
