import Crypto

/// The upload hash of azure-ai-ml 1.35.2 (`get_object_hash`): the `<hash>` of `LocalUpload/<hash>/` for datastore
/// uploads (job inputs, data assets) and the input of an anonymous build-context environment's version.
public enum ObjectHash {
    /// The bytes the SDK seeds the hash with.
    static let seed = "Initialize for october 2021 AML CLI version"

    /// SHA-256 seeded with `Initialize for october 2021 AML CLI version`, then for a single file its bytes; for a
    /// folder, every entry in order of its lowercased name: the name, then a file's bytes or, recursively, a
    /// subfolder's entries.
    ///
    /// As in the SDK, the folder's ignore file applies to files and folders alike (matched by their real path
    /// relative to it), the name of a folder whose contents are all ignored, of an empty folder and of a dangling
    /// link is still hashed, and symbolic links are followed. A link back to a folder being hashed is not followed
    /// again (the SDK would recurse until it fails).
    public static func of(path: String) throws(AzureMLError) -> String {
        var hasher = SHA256()
        hasher.update(text: seed)
        let streamer = FileStreamer()
        let root = try FileSystem.realPath(path)
        guard let status = FileSystem.status(root, followingLinks: true) else {
            throw .io("no such file or folder", path: path)
        }
        switch status.kind {
        case .directory:
            let walk = Walk(ignoreFile: try IgnoreFile.find(in: root), streamer: streamer)
            try walk.hash(folder: root, ancestors: [status.identity], into: &hasher)
        case .regular:
            try streamer.update(&hasher, withContentsOf: root)
        case .symbolicLink, .other:
            throw .io("not a regular file or a folder", path: path)
        }
        return hasher.finalize().hex
    }

    private struct Walk {
        let ignoreFile: IgnoreFile?
        let streamer: FileStreamer

        /// `_get_dir_hash`: entries sorted by lowercased path (names within one folder), ties in directory order.
        func hash(folder: String, ancestors: [FileSystem.Identity], into hasher: inout SHA256) throws(AzureMLError) {
            let names = try FileSystem.entries(of: folder)
            let order = names.indices.map { (key: PythonText.sortKey(names[$0]), index: $0) }.sorted {
                $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.index < $1.index)
            }
            for name in order.map({ names[$0.index] }) {
                let entry = FileSystem.join(folder, name)
                if ignoreFile?.isExcluded(absolutePath: entry) == true { continue }
                hasher.update(text: name)
                guard let link = FileSystem.status(entry, followingLinks: false) else { continue }
                var target = link
                var path = entry
                if link.kind == .symbolicLink {
                    guard let resolved = FileSystem.status(entry, followingLinks: true) else { continue }
                    target = resolved
                    path = try FileSystem.realPath(entry)
                }
                switch target.kind {
                case .regular:
                    try streamer.update(&hasher, withContentsOf: path)
                case .directory where !ancestors.contains(target.identity):
                    try hash(folder: path, ancestors: ancestors + [target.identity], into: &hasher)
                default:
                    break
                }
            }
        }
    }
}
