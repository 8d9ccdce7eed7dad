import Crypto

/// The code snapshot hash of azure-ai-ml 1.35.2 (`get_content_hash`, hash version 202208): what the SDK sends as the
/// `hash` filter of the code lookup and stores as the code version's `hash_sha256`.
public enum ContentHash {
    /// The `hashVersion` / `hash_version` that goes with this hash.
    public static let version = 202208

    /// The hash of a folder or a single file, over the files `FileListing.files(at:)` selects.
    public static func of(path: String) throws(AzureMLError) -> String {
        try of(files: try FileListing.files(at: path))
    }

    /// SHA-256 over the file count, then `#relative path#` and the size of each file, then each file's bytes, in the
    /// order given (`FileListing` order: by lowercased relative path). Files are read in large chunks, never whole.
    public static func of(files: [LocalFile]) throws(AzureMLError) -> String {
        var hasher = SHA256()
        hasher.update(text: String(files.count))
        for file in files {
            hasher.update(text: "#" + file.relativePath + "#")
            hasher.update(text: String(file.size))
        }
        let streamer = FileStreamer()
        for file in files {
            try streamer.update(&hasher, withContentsOf: file.path)
        }
        return hasher.finalize().hex
    }
}
