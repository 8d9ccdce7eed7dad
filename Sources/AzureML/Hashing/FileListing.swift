/// The files of a local folder, or a single file, as azure-ai-ml 1.35.2 selects them for a code snapshot
/// (`get_upload_files_from_folder`): `os.walk(followlinks=True)` below the folder with symbolic links resolved, minus
/// what the folder's ignore file excludes.
public enum FileListing {
    /// Lists `path`, sorted as the content hash reads them: by lowercased relative path, ties in walk order.
    ///
    /// A folder is walked top-down; a symbolic link to a folder is followed and its files get paths through the
    /// link's name; a link to a file gives the target's bytes under the link's name. Each file is matched against the
    /// ignore file by its real path relative to the ignore file's folder. Unlike `os.walk`, a link back to a folder
    /// being walked is not followed again (the SDK would repeat the files until the OS refuses the path), and an
    /// unreadable folder, a dangling link or a file that is not a regular file is an error instead of being skipped.
    /// A single file lists as itself, named after its real path's last component.
    public static func files(at path: String) throws(AzureMLError) -> [LocalFile] {
        let root = try FileSystem.realPath(path)
        guard let status = FileSystem.status(root, followingLinks: true) else {
            throw .io("no such file or folder", path: path)
        }
        guard status.kind == .directory else {
            guard status.kind == .regular else { throw .io("not a regular file or a folder", path: path) }
            return [LocalFile(relativePath: FileSystem.baseName(root), path: root, size: status.size)]
        }
        var walk = Walk(ignoreFile: try IgnoreFile.find(in: root))
        try walk.visit(folder: root, prefix: "", ancestors: [status.identity])
        return sortedAsHashed(walk.files)
    }

    /// `sorted(files, key=lambda f: f.relative.lower())`: Python's sort is stable, so equal keys keep walk order.
    static func sortedAsHashed(_ files: [LocalFile]) -> [LocalFile] {
        let keyed = files.enumerated().map { (key: PythonText.sortKey($0.element.relativePath), index: $0.offset) }
        return keyed.sorted {
            $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.index < $1.index)
        }.map { files[$0.index] }
    }

    private struct Walk {
        let ignoreFile: IgnoreFile?
        var files: [LocalFile] = []

        /// One step of `os.walk`: this folder's files first, then each subfolder in directory order.
        mutating func visit(
            folder: String,
            prefix: String,
            ancestors: [FileSystem.Identity]
        ) throws(AzureMLError) {
            var subfolders: [(name: String, path: String, identity: FileSystem.Identity)] = []
            for name in try FileSystem.entries(of: folder) {
                let entry = FileSystem.join(folder, name)
                let link = FileSystem.status(entry, followingLinks: false)
                let isLink = link?.kind == .symbolicLink
                let target = isLink ? FileSystem.status(entry, followingLinks: true) : link
                if let target, target.kind == .directory {
                    subfolders.append((name, isLink ? try FileSystem.realPath(entry) : entry, target.identity))
                    continue
                }
                if ignoreFile?.isExcluded(absolutePath: entry) == true { continue }
                guard let target else { throw .io("dangling symbolic link", path: entry) }
                guard target.kind == .regular else { throw .io("not a regular file", path: entry) }
                files.append(
                    LocalFile(
                        relativePath: prefix + name,
                        path: isLink ? try FileSystem.realPath(entry) : entry,
                        size: target.size
                    )
                )
            }
            for subfolder in subfolders where !ancestors.contains(subfolder.identity) {
                try visit(
                    folder: subfolder.path,
                    prefix: prefix + subfolder.name + "/",
                    ancestors: ancestors + [subfolder.identity]
                )
            }
        }
    }
}
