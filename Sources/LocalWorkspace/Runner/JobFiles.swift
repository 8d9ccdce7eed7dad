import AzureML
import Crypto
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a job's files in place: the code snapshot from the blob store, inputs resolved to local paths (or values),
/// and one folder per output, published under the datastore path `azureml/<job>/<output>/` when the job ends.
struct JobFiles: Sendable {
    let directory: String
    let store: WorkspaceStore
    let blobs: BlobStore
    let downloads: DownloadCache

    /// A resolved input: what `${{inputs.x}}` and `AZURE_ML_INPUT_x` become.
    struct Input: Sendable, Hashable {
        var value: String
        /// Where it came from, for the job's log.
        var origin: String
    }

    /// A prepared output.
    struct Output: Sendable, Hashable {
        /// The local folder (or, for `uri_file`, the file path in it) the command writes.
        var path: String
        /// The folder.
        var folder: String
        /// The output's datastore URI, as the job records it.
        var uri: String
        /// The datastore, when the output is stored in a datastore.
        var datastore: String?
        /// The path inside the datastore.
        var datastorePath: String?
    }

    // MARK: Code

    /// Copies the code version `codeId` names into `folder` (emptied first); without a code id the folder is just
    /// created empty.
    func materializeCode(_ codeId: String?, into folder: String) async throws {
        FileTree.remove(folder)
        try makeDirectories(folder)
        guard let codeId else { return }
        let (name, version) = try codeVersion(codeId)
        guard let record = try await store.resource(ResourceID(kind: .code, name: name, version: version)) else {
            throw LocalWorkspaceError.jobPreparation("the code version '\(codeId)' does not exist", field: "codeId")
        }
        let properties: CodeVersionProperties
        do {
            properties = try CodeVersionProperties(json: .object(record.propertiesObject))
        } catch {
            throw LocalWorkspaceError.jobPreparation("the code version is not valid: \(error)", field: "codeId")
        }
        guard let uri = properties.codeUri else {
            throw LocalWorkspaceError.jobPreparation("the code version '\(codeId)' has no codeUri", field: "codeId")
        }
        let (container, prefix) = try await blobLocation(ofCode: uri)
        var copied = 0
        var marker: String?
        while true {
            let page = try await blobs.list(container: container, prefix: prefix, after: marker, limit: 1_000)
            for blob in page {
                var relative = String(blob.name.dropFirst(prefix.count))
                while relative.hasPrefix("/") { relative.removeFirst() }
                if relative.isEmpty { relative = String(blob.name.split(separator: "/").last ?? "file") }
                guard Self.isSafeRelativePath(relative) else { continue }
                let destination = folder + "/" + relative
                try makeDirectories(String(destination[..<destination.lastIndex(of: "/")!]))
                let code = FileTree.copyFile(blobs.path(container: container, blob: blob.name), to: destination)
                if code != 0 {
                    throw LocalWorkspaceError.io("cannot copy the code file", path: destination, errno: code)
                }
                copied += 1
            }
            guard page.count == 1_000, let last = page.last else { break }
            marker = last.name
        }
        if copied == 0 {
            throw LocalWorkspaceError.jobPreparation(
                "the code snapshot '\(uri)' has no files in the local blob store", field: "codeId")
        }
    }

    /// `(name, version)` of a code id (an ARM id, `azureml:<name>:<version>`).
    private func codeVersion(_ codeId: String) throws(LocalWorkspaceError) -> (String, String) {
        let required: JobReferences.Required?
        do {
            required = try JobReferences.classify(codeId, field: "codeId", kind: .code)
        } catch {
            throw .jobPreparation(error.body.error.message, field: "codeId")
        }
        guard let resource = required?.resource, let version = resource.version else {
            throw .jobPreparation("'\(codeId)' does not name a code version of this workspace", field: "codeId")
        }
        return (resource.name, version)
    }

    /// The container and blob-name prefix of a code URI: this server's blob URL (`http://HOST:PORT/blob/local/
    /// <container>/<folder>`, resolved by path since the port may have changed since) or a datastore path.
    private func blobLocation(ofCode uri: String) async throws -> (String, String) {
        let marker = BlobRoutes.prefix + "/" + LocalWorkspaceServer.storageAccount + "/"
        if uri.lowercased().hasPrefix("http"), let range = uri.firstRange(of: marker) {
            var rest = String(uri[range.upperBound...])
            if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
            let parts = rest.split(separator: "/", maxSplits: 1)
            guard let container = parts.first.map(String.init),
                let prefix = QueryParameters.percentDecode(parts.count > 1 ? String(parts[1]) : "")
            else { throw LocalWorkspaceError.jobPreparation("'\(uri)' is not a blob URL", field: "codeId") }
            return (container, prefix)
        }
        if case .datastore(let name, let path) = try InputSource.classify(uri: uri, field: "codeId") {
            return (try await container(ofDatastore: name, field: "codeId"), path)
        }
        throw LocalWorkspaceError.jobPreparation(
            "the code '\(uri)' is not stored in this local workspace's blob store", field: "codeId")
    }

    // MARK: Inputs

    /// The local value of every input.
    func resolveInputs(_ inputs: [String: JobInput], note: @Sendable (String) -> Void) async throws -> [String: Input] {
        var resolved: [String: Input] = [:]
        for (name, input) in inputs.sorted(by: { $0.key < $1.key }) {
            let field = "inputs.\(name)"
            if input.mode == "Direct", let uri = input.uri {
                resolved[name] = Input(value: uri, origin: "direct")
                continue
            }
            let source = try InputSource.classify(input, field: field)
            resolved[name] = try await resolve(source, type: input.jobInputType, field: field, note: note, depth: 0)
        }
        return resolved
    }

    private func resolve(
        _ source: InputSource, type: String, field: String, note: @Sendable (String) -> Void, depth: Int
    ) async throws -> Input {
        switch source {
        case .literal(let value):
            return Input(value: value, origin: "literal")
        case .localPath(let path):
            guard FileTree.exists(path) else {
                throw LocalWorkspaceError.jobPreparation("the local path '\(path)' does not exist", field: field)
            }
            return Input(value: path, origin: "local path")
        case .datastore(let name, let path):
            guard Self.isSafeRelativePath(path.hasSuffix("/") ? String(path.dropLast()) : path) || path.isEmpty else {
                throw LocalWorkspaceError.jobPreparation("the datastore path '\(path)' is not allowed", field: field)
            }
            let container = try await container(ofDatastore: name, field: field)
            var local = blobs.path(container: container, blob: path)
            while local.hasSuffix("/") { local.removeLast() }
            guard FileTree.exists(local) else {
                throw LocalWorkspaceError.jobPreparation(
                    "azureml://datastores/\(name)/paths/\(path) does not exist in the local workspace", field: field)
            }
            return Input(value: local, origin: "datastore \(name)")
        case .dataAsset(let name, let version):
            guard depth == 0 else {
                throw LocalWorkspaceError.jobPreparation(
                    "a data asset's dataUri names another data asset", field: field)
            }
            let record = try await dataVersion(name: name, version: version, field: field)
            let properties: DataVersionProperties
            do {
                properties = try DataVersionProperties(json: .object(record.propertiesObject))
            } catch {
                throw LocalWorkspaceError.jobPreparation("the data asset is not valid: \(error)", field: field)
            }
            let inner = try InputSource.classify(uri: properties.dataUri, field: field)
            var input = try await resolve(inner, type: type, field: field, note: note, depth: depth + 1)
            input.origin = "data asset \(name):\(record.version) (\(input.origin))"
            return input
        case .web(let url):
            let file = try await downloads.file(for: url, field: field, note: note)
            let value = type == "uri_file" ? file : String(file[..<file.lastIndex(of: "/")!])
            return Input(value: value, origin: "download of \(DownloadCache.redacted(url))")
        }
    }

    private func dataVersion(name: String, version: String?, field: String) async throws -> ResourceRecord {
        if let version, let record = try await store.resource(ResourceID(kind: .data, name: name, version: version)) {
            return record
        }
        if version == nil, let latest = try await store.resources(.data, name: name).last { return latest }
        throw LocalWorkspaceError.jobPreparation(
            "the data asset \(name)\(version.map { ":\($0)" } ?? "@latest") does not exist", field: field)
    }

    private func container(ofDatastore name: String, field: String) async throws -> String {
        guard let record = try await store.resource(ResourceID(kind: .datastore, name: name)),
            let container = record.propertiesObject["containerName"]?.stringValue
        else {
            throw LocalWorkspaceError.jobPreparation("the datastore '\(name)' does not exist", field: field)
        }
        return container
    }

    // MARK: Outputs

    /// Creates (emptied) one folder per output under the run folder and decides each output's URI: the one the job
    /// gives, or `azureml://datastores/workspaceblobstore/paths/azureml/<job>/<output>/`.
    func prepareOutputs(_ outputs: [String: JobOutput], job: String, run: RunFolder) throws -> [String: Output] {
        FileTree.remove(run.outputs)
        try makeDirectories(run.outputs)
        var prepared: [String: Output] = [:]
        for (name, output) in outputs.sorted(by: { $0.key < $1.key }) {
            guard Self.isSafeName(name) else {
                throw LocalWorkspaceError.jobPreparation(
                    "the output name '\(name)' must be letters, digits, '-', '_' and '.'", field: "outputs")
            }
            let folder = run.output(name)
            try makeDirectories(folder)
            let defaultPath = "azureml/\(job)/\(name)/"
            let uri =
                output.uri
                ?? "azureml://datastores/\(LocalWorkspaceServer.defaultDatastore)/paths/\(defaultPath)"
            var datastore: (name: String, path: String)?
            if case .datastore(let store, let path)? = try? InputSource.classify(uri: uri, field: "outputs.\(name)") {
                datastore = (store, path)
            }
            var path = folder
            if output.jobOutputType == "uri_file" {
                let last = uri.split(separator: "/").last.map(String.init) ?? name
                path = folder + "/" + (Self.isSafeName(last) && last.contains(".") ? last : name)
            }
            prepared[name] = Output(
                path: path, folder: folder, uri: uri, datastore: datastore?.name, datastorePath: datastore?.path)
        }
        return prepared
    }

    /// Makes each output's datastore path resolve to its folder (a link from the blob folder), and records its files
    /// as blobs so the blob API lists and serves them. Returns notes for the job's log.
    func publishOutputs(_ outputs: [String: Output]) async -> [String] {
        var notes: [String] = []
        for (name, output) in outputs.sorted(by: { $0.key < $1.key }) {
            guard let datastore = output.datastore, let rawPath = output.datastorePath else {
                notes.append(
                    "output \(name): \(output.uri) is not a datastore path; its files stay in \(output.folder)")
                continue
            }
            var path = rawPath
            while path.hasSuffix("/") { path.removeLast() }
            guard Self.isSafeRelativePath(path), !path.isEmpty,
                let container = try? await container(ofDatastore: datastore, field: "outputs.\(name)")
            else {
                notes.append("output \(name): cannot store it at \(output.uri); its files stay in \(output.folder)")
                continue
            }
            let link = blobs.path(container: container, blob: path)
            let parent = String(link[..<link.lastIndex(of: "/")!])
            guard POSIXFile.makeDirectories(parent) == 0, FileTree.kind(link) != .directory || isEmptyDirectory(link)
            else {
                notes.append(
                    "output \(name): \(output.uri) already holds other files; its files stay in \(output.folder)")
                continue
            }
            FileTree.remove(link)
            guard FileTree.publishLink(link, to: output.folder) == 0 else {
                notes.append("output \(name): cannot link \(output.uri); its files stay in \(output.folder)")
                continue
            }
            let count = (try? await recordBlobs(in: output.folder, container: container, prefix: path)) ?? 0
            notes.append("output \(name): \(count) file(s) at \(output.uri)")
        }
        return notes
    }

    /// Records every file under `folder` as a blob `prefix/<relative path>` of `container`.
    private func recordBlobs(in folder: String, container: String, prefix: String) async throws -> Int {
        var records: [BlobRecord] = []
        let now = Timestamp.now()
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in FileTree.names(in: path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch FileTree.kind(folder + "/" + child) {
                case .directory: try walk(child)
                case .file:
                    let (size, md5) = try Self.digest(folder + "/" + child)
                    records.append(
                        BlobRecord(
                            container: container, name: prefix + "/" + child, size: size,
                            contentMD5: Base64.encode(md5), contentType: "application/octet-stream",
                            etag: BlobStore.etag(now), metadata: "{}", createdAt: Timestamp.iso8601(now),
                            lastModifiedAt: Timestamp.iso8601(now)))
                default: break
                }
            }
        }
        try walk("")
        let toSave = records
        try await blobs.database.write { db in
            for record in toSave { try record.save(db) }
        }
        return records.count
    }

    private static func digest(_ path: String) throws -> (Int64, [UInt8]) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LocalWorkspaceError.io("cannot read the output file", path: path, errno: errno) }
        defer { close(fd) }
        var md5 = Insecure.MD5()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw LocalWorkspaceError.io("cannot read the output file", path: path, errno: errno) }
            if count == 0 { break }
            md5.update(data: buffer[0..<count])
            size += Int64(count)
        }
        return (size, Array(md5.finalize()))
    }

    // MARK: Helpers

    private func isEmptyDirectory(_ path: String) -> Bool {
        FileTree.names(in: path).isEmpty
    }

    private func makeDirectories(_ path: String) throws {
        let code = POSIXFile.makeDirectories(path)
        if code != 0 { throw LocalWorkspaceError.io("cannot create the folder", path: path, errno: code) }
    }

    /// A relative path without empty, `.` or `..` components.
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                !$0.isEmpty && $0 != "." && $0 != ".."
            }
    }

    /// A single path component of letters, digits, `-`, `_` and `.`, not `.` or `..`.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && name.utf8.allSatisfy { byte in
                (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                    || byte == 45 || byte == 95 || byte == 46
            }
    }
}
