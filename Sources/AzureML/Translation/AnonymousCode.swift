import Crypto

/// How `deploy` names the anonymous code version of a job's local code folder or code URL.
///
/// The SDK names it with a random `uuid4()` and version `1`, so every submit registers a new name unless the hash
/// lookup finds the snapshot first. `deploy` uses a name derived from the content instead, in the same UUID shape:
/// the first 32 hex digits of the content hash (v202208) grouped 8-4-4-4-12, so re-running is idempotent and the name
/// can be matched against the version's `hash_sha256` property by eye. A code URL is named after the SHA-256 of
/// the URL the same way.
public enum AnonymousCode {
    /// The version of every anonymous code asset.
    public static let version = "1"

    /// The name of the anonymous code version holding the snapshot with `contentHash`.
    public static func name(contentHash: String) -> String {
        uuidShaped(contentHash)
    }

    /// The name of the anonymous code version pointing at `url`.
    public static func name(url: String) -> String {
        uuidShaped(SHA256.hexDigest(of: url))
    }

    /// `0123456789abcdef...` → `01234567-89ab-cdef-...`.
    static func uuidShaped(_ hex: String) -> String {
        let digits = Array(hex.lowercased().prefix(32))
        var parts: [String] = []
        var start = 0
        for length in [8, 4, 4, 4, 12] {
            parts.append(String(digits[start..<min(start + length, digits.count)]))
            start += length
        }
        return parts.joined(separator: "-")
    }
}
