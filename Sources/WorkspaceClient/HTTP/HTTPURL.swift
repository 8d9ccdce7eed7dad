import Foundation

/// The parts of an absolute `http(s)` URL that decide where a request goes: scheme, host and port.
struct HTTPURL: Sendable, Hashable {
    /// `http` or `https`, lowercased.
    var scheme: String
    /// The host, lowercased, without brackets for IPv6 literals.
    var host: String
    /// The port, explicit or the scheme's default.
    var port: Int
    /// Everything after the authority: path, query and fragment (may be empty).
    var rest: String

    /// Parses `text`; `nil` unless it is an absolute `http` or `https` URL with a host.
    init?(_ text: String) {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let afterScheme = text[separator.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { return nil }
        let port: Int
        if let portText {
            guard let value = Int(portText), (0...65535).contains(value) else { return nil }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.rest = String(afterScheme[authorityEnd...])
    }

    /// Whether the host is the loopback interface (`localhost`, `127.x.x.x`, `::1`).
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Whether `other` is the same origin: scheme, host and port.
    func sameOrigin(as other: HTTPURL) -> Bool {
        scheme == other.scheme && host == other.host && port == other.port
    }
}
