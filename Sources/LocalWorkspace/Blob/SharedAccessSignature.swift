import Crypto

/// The service SAS tokens the workspace hands out and checks, shaped like Azure Storage's: `sv` (version),
/// `sr` (`c` container or `b` blob), `sp` (permissions from `racwdl`), `st`/`se` (start and expiry, UTC) and `sig`,
/// an HMAC-SHA256 (keyed with the workspace's SAS key) over those fields and the canonical resource
/// `/blob/<account>/<container>[/<blob>]`.
struct SharedAccessSignature: Sendable {
    /// The `sv` the server writes.
    static let version = "2024-11-04"

    /// What a request needs the token to allow.
    enum Permission: Character, Sendable {
        case read = "r"
        case add = "a"
        case create = "c"
        case write = "w"
        case delete = "d"
        case list = "l"
    }

    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    /// A token (query string without `?`) for a container, or for one blob when `blob` is given.
    func token(container: String, blob: String? = nil, permissions: String, expiry: Double, start: Double? = nil)
        -> String
    {
        let resource = blob == nil ? "c" : "b"
        let fields = [
            Self.version, resource, permissions, start.map(Timestamp.sasTime) ?? "", Timestamp.sasTime(expiry),
        ]
        let signature = sign(fields: fields, container: container, blob: blob)
        var query = "sv=\(Self.version)"
        if let start { query += "&st=\(Timestamp.sasTime(start))" }
        query += "&se=\(Timestamp.sasTime(expiry))&sr=\(resource)&sp=\(permissions)"
        query += "&sig=\(QueryParameters.percentEncode(signature))"
        return query
    }

    /// Why a request's SAS does not authorize it; `nil` when it does.
    func rejection(
        query: QueryParameters, container: String, blob: String?, needs permission: Permission, now: Double
    ) -> String? {
        guard let signature = query["sig"], let version = query["sv"], let resource = query["sr"],
            let permissions = query["sp"], let expiryText = query["se"]
        else { return "the request carries no shared access signature (sv, sr, sp, se and sig are required)" }
        guard let expiry = Timestamp.parse(expiryText) else { return "the signature's expiry (se) is malformed" }
        let startText = query["st"] ?? ""
        let start = startText.isEmpty ? nil : Timestamp.parse(startText)
        if !startText.isEmpty && start == nil { return "the signature's start (st) is malformed" }
        let signedBlob: String?
        switch resource {
        case "c": signedBlob = nil
        case "b":
            guard let blob else { return "a blob signature (sr=b) cannot authorize a container request" }
            signedBlob = blob
        default: return "the signed resource (sr) must be c or b"
        }
        let expected = sign(
            fields: [version, resource, permissions, startText, expiryText], container: container, blob: signedBlob)
        guard Self.constantTimeEqual(Array(expected.utf8), Array(signature.utf8)) else {
            return "the signature does not match the resource or its signed fields"
        }
        if now >= expiry { return "the signature expired at \(expiryText)" }
        if let start, now < start - 300 { return "the signature is not valid before \(startText)" }
        guard permissions.contains(permission.rawValue) else {
            return "the signature does not grant the '\(permission.rawValue)' permission this operation needs"
        }
        return nil
    }

    private func sign(fields: [String], container: String, blob: String?) -> String {
        var resource = "/blob/\(LocalWorkspaceServer.storageAccount)/\(container)"
        if let blob { resource += "/" + blob }
        let text = (fields + [resource]).joined(separator: "\n")
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)
        return Base64.encode(Array(mac))
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
