import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sends bytes over a plain TCP socket and reads the response head (and a short body), on a thread of its own so
/// the blocking calls never occupy the cooperative pool the server needs. For requests a client library would
/// normalize (dot segments) or that must stop before their body is sent.
enum RawHTTP {
    /// Sends `request` to `127.0.0.1:port`, then reads until the head and `Content-Length` bytes of body arrived,
    /// or the peer closes, or `timeout` seconds pass. Returns the raw response text.
    static func exchange(port: Int, request: String, timeout: Double = 10) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try blockingExchange(port: port, request: request, timeout: timeout) })
            }
            thread.start()
        }
    }

    private static func blockingExchange(port: Int, request: String, timeout: Double) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("connect failed") }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n") {
                let head = text[..<end.lowerBound].lowercased()
                let length =
                    head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if text.utf8.count - text.utf8.distance(from: text.startIndex, to: end.upperBound) >= length { break }
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// The port of a server URL.
    static func port(of url: String) -> Int {
        Int(url.split(separator: ":").last!)!
    }
}
