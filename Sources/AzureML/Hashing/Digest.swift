import Crypto

/// SHA-256 digests in lowercase hexadecimal, for modules that fingerprint what they send and read (plans) without
/// depending on a crypto library themselves.
public enum Digest {
    /// The SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256(_ text: String) -> String {
        SHA256.hexDigest(of: text)
    }

    /// The SHA-256 of `bytes`.
    public static func sha256(bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hex
    }

    /// The SHA-256 of the contents of the file at `path`, read in large chunks.
    public static func sha256(file path: String) throws(AzureMLError) -> String {
        var hasher = SHA256()
        try FileStreamer().update(&hasher, withContentsOf: path)
        return hasher.finalize().hex
    }
}
