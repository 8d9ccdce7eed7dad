import DeployManifest
import DeployYAML

/// A job's or trial's `code`: the anonymous code version a local folder or a URL implies, or a reference.
extension TranslationContext {
    /// What a job needs for its `code`: the `codeId` value and the resource it depends on.
    struct CodeBinding {
        var codeID: TemplateString
        var dependency: ResourceID?
        var reference: WorkspaceReference?
    }

    /// Translates `code`, registering the anonymous code version it implies; `nil` after reporting a problem.
    func code(_ code: Located<PathReference>) -> CodeBinding? {
        let reference: AssetReference
        do {
            reference = try AssetReference(code, role: .code)
        } catch {
            report(error, at: code.node)
            return nil
        }
        let source = SourceLocation(code.node)
        switch reference.target {
        case .local(let path):
            return localCode(path, node: code.node)
        case .url(let url):
            let name = AnonymousCode.name(url: url)
            let properties = CodeVersionProperties(codeUri: url, contentHash: nil, isAnonymous: true)
            var withBag = properties
            withBag.properties = [:]
            add(
                DesiredResource(
                    kind: .code, name: .fixed(name), version: AnonymousCode.version, apiVersion: versions.codes,
                    body: BodyTemplate(json: ["properties": withBag.json]), origin: .codeURL, source: source))
            let id = ResourceID(kind: .code, name: name, version: AnonymousCode.version)
            return CodeBinding(codeID: TemplateString(stringLiteral: workspace.id(of: id)), dependency: id)
        case .version(_, let name, _):
            warning(
                "`az ml` (SDK 1.35.2) reads `azureml:<name>:<version>` code as a local path; deploy uses the code "
                    + "version \(name)'s ARM id", at: code.node)
            fallthrough
        default:
            let value = reference.wireValue(in: workspace) ?? reference.written
            return CodeBinding(
                codeID: TemplateString(stringLiteral: value), dependency: nil,
                reference: WorkspaceReference(target: .asset(reference), source: source))
        }
    }

    /// A local code folder (or file): the snapshot's content hash names an anonymous code version, created after a
    /// hash lookup finds none, with the files uploaded to the container `startPendingUpload` hands out.
    private func localCode(_ path: LocalPath, node: Node) -> CodeBinding? {
        guard let (files, hash) = snapshotFiles(path, node: node) else { return nil }
        let name = AnonymousCode.name(contentHash: hash)
        let snapshot = codeSnapshot(
            path, files: files, hash: hash, name: name, version: AnonymousCode.version, location: SourceLocation(node))
        var builder = BodyBuilder()
        let properties = CodeVersionProperties(
            codeUri: builder.string(snapshot.uri), contentHash: hash, isAnonymous: true)
        add(
            DesiredResource(
                kind: .code, name: .fixed(name), version: AnonymousCode.version, apiVersion: versions.codes,
                body: builder.finish(["properties": properties.json]), preparations: [.upload(snapshot.upload)],
                origin: .localCode(contentHash: hash), source: SourceLocation(node)))
        return CodeBinding(
            codeID: TemplateString([.placeholder(.codeVersionID(contentHash: hash))]),
            dependency: ResourceID(kind: .code, name: name, version: AnonymousCode.version))
    }

    /// The files of a code snapshot and their content hash (v202208); `nil` after reporting an unreadable or empty
    /// folder.
    func snapshotFiles(_ path: LocalPath, node: Node) -> (files: [LocalFile], hash: String)? {
        do {
            let files = try FileListing.files(at: path.absolute)
            guard !files.isEmpty else {
                self.error(
                    "code: \(path.display) has no files to upload (the SDK refuses an empty code folder)", at: node)
                return nil
            }
            return (files, try ContentHash.of(files: files))
        } catch {
            report(error, at: node)
            return nil
        }
    }

    /// A code snapshot uploaded to the pending-upload container of `name`/`version`, and its `codeUri`.
    struct CodeSnapshot {
        var upload: Upload
        var uri: TemplateString
    }

    /// The upload of a snapshot: a folder's files under `<folder name>/`, a single file at the container's root.
    func codeSnapshot(
        _ path: LocalPath, files: [LocalFile], hash: String, name: String, version: String, location: SourceLocation
    ) -> CodeSnapshot {
        let isFolder = FileSystem.status(path.absolute, followingLinks: true)?.kind == .directory
        let folder = isFolder ? path.lastComponent : ""
        let upload = Upload(
            destination: .pendingUpload(codeName: name, version: version), source: path, prefix: folder,
            files: files.map { file in
                Upload.File(
                    path: file.path, relativePath: file.relativePath,
                    blobPath: folder.isEmpty ? file.relativePath : folder + "/" + file.relativePath,
                    size: file.size)
            }.sorted { $0.blobPath < $1.blobPath }, hash: hash, location: location)
        // A folder's URI is the container plus its name; a single file's is the container itself (`subdir_path`).
        return CodeSnapshot(upload: upload, uri: upload.containerURL + TemplateString(stringLiteral: "/" + folder))
    }
}
