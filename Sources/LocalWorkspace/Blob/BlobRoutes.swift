import AzureML
import HTTPTypes
import Hummingbird
import NIOCore

/// The Azure Blob REST subset the SDK and `deploy` use, path-style as Azurite serves it:
/// `/blob/<account>/<container>[/<blob>]`, authorized by a SAS in the query alone (no bearer token), as Azure
/// Storage does.
///
/// - `PUT <blob>` (Put Blob, `x-ms-blob-type: BlockBlob`, honours `If-None-Match: *` and `Content-MD5`) → 201
/// - `PUT <blob>?comp=block&blockid=` (Put Block) → 201; `PUT <blob>?comp=blocklist` (Put Block List) → 201.
///   A committed blob keeps no block list: a later block list may only name blocks put since, whatever list
///   (`Latest`, `Uncommitted`, `Committed`) it puts them in
/// - `PUT <blob>?comp=metadata` (Set Blob Metadata) → 200
/// - `GET <blob>` (Get Blob, with `Range`/`x-ms-range`) → 200/206; `HEAD <blob>` (Get Blob Properties) → 200
/// - `GET <container>?restype=container&comp=list` (List Blobs: `prefix`, `delimiter`, `marker`, `maxresults`,
///   `include=metadata`) → 200; `GET|HEAD <container>?restype=container` (Get Container Properties) → 200
struct BlobRoutes: Sendable {
    /// Where the blob service is mounted.
    static let prefix = "/blob"

    let services: WorkspaceServices

    func register(on router: Router<WorkspaceRequestContext>) {
        router.get("blob/:account/:container", use: container)
        router.head("blob/:account/:container", use: container)
        router.get("blob/:account/:container/**", use: get)
        router.head("blob/:account/:container/**", use: get)
        router.put("blob/:account/:container/**", use: put)
    }

    // MARK: Addressing and authorization

    /// The container and blob a request addresses, each percent-decoded once and validated.
    static func target(_ request: Request) throws(BlobError) -> (container: String, blob: String?) {
        let path = request.uri.path.dropFirst(prefix.count + 1)
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == LocalWorkspaceServer.storageAccount else {
            throw BlobError(.notFound, code: "ResourceNotFound", message: "The specified resource does not exist.")
        }
        guard let container = QueryParameters.percentDecode(String(parts[1])) else {
            throw .invalidName("the container name is not valid percent-encoded UTF-8")
        }
        try BlobName.validateContainer(container)
        guard parts.count == 3 else { return (container, nil) }
        guard let blob = QueryParameters.percentDecode(String(parts[2])) else {
            throw .invalidName("the blob name is not valid percent-encoded UTF-8")
        }
        try BlobName.validateBlob(blob)
        return (container, blob)
    }

    private func authorize(
        _ query: QueryParameters, container: String, blob: String?, needs permission: SharedAccessSignature.Permission
    ) throws(BlobError) {
        if let reason = services.signer.rejection(
            query: query, container: container, blob: blob, needs: permission, now: Timestamp.now())
        {
            throw .authenticationFailed(reason)
        }
    }

    private func requireContainer(_ name: String) async throws {
        guard try await services.blobs.container(name) != nil else { throw BlobError.containerNotFound }
    }

    // MARK: Containers

    @Sendable func container(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let (container, _) = try Self.target(request)
        let query = QueryParameters(request.uri.query)
        guard query["restype"] == "container" else {
            throw BlobError(
                .badRequest, code: "InvalidQueryParameterValue",
                message: "Value for one of the query parameters specified in the request URI is invalid: restype.")
        }
        if query["comp"] == "list" {
            try authorize(query, container: container, blob: nil, needs: .list)
            try await requireContainer(container)
            return try await list(container: container, query: query, request: request)
        }
        try authorize(query, container: container, blob: nil, needs: .read)
        guard let record = try await services.blobs.container(container) else { throw BlobError.containerNotFound }
        var headers = HTTPFields()
        let created = Timestamp.parse(record.createdAt) ?? 0
        headers[.eTag] = BlobStore.etag(created)
        headers[.lastModified] = Timestamp.rfc1123(created)
        headers[.msLeaseState] = "available"
        headers[.msLeaseStatus] = "unlocked"
        return Response(status: .ok, headers: headers)
    }

    private func list(container: String, query: QueryParameters, request: Request) async throws -> Response {
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"].flatMap { $0.isEmpty ? nil : $0 }
        let marker = query["marker"].flatMap { $0.isEmpty ? nil : $0 }
        var maxResults = 5_000
        if let text = query["maxresults"] {
            guard let value = Int(text), value > 0 else {
                throw BlobError(
                    .badRequest, code: "OutOfRangeQueryParameterValue",
                    message: "One of the query parameters specified in the request URI is outside the permissible "
                        + "range: maxresults.")
            }
            maxResults = min(value, 5_000)
        }
        let includeMetadata = (query["include"] ?? "").split(separator: ",").contains("metadata")
        var entries = BlobListing(prefix: prefix, delimiter: delimiter, marker: marker, maxResults: maxResults)
        var after = marker
        // Fetch in batches until the page is full: folded prefixes may swallow many blobs.
        while !entries.isComplete {
            let batch = try await services.blobs.list(
                container: container, prefix: prefix, after: after, limit: maxResults + 1)
            let isLast = batch.count < maxResults + 1
            entries.add(batch, isLast: isLast)
            guard !isLast, let last = batch.last else { break }
            after = last.name
        }
        let xml = entries.xml(
            serviceEndpoint: services.accountURL(request) + "/", container: container, includeMetadata: includeMetadata)
        var headers = HTTPFields()
        headers[.contentType] = "application/xml"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }

    // MARK: Blobs

    @Sendable func get(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let (container, name) = try Self.target(request)
        let query = QueryParameters(request.uri.query)
        try authorize(query, container: container, blob: name, needs: .read)
        guard let name, let record = try await services.blobs.blob(container: container, name: name) else {
            try await requireContainer(container)
            throw BlobError.blobNotFound
        }
        var headers = Self.propertyHeaders(record)
        headers[.acceptRanges] = "bytes"
        let path = services.blobs.path(container: container, blob: name)
        if request.method == .head {
            headers[.contentLength] = String(record.size)
            return Response(status: .ok, headers: headers)
        }
        if let range = try Self.range(request, size: record.size) {
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(record.size)"
            headers[.contentMD5] = nil
            let body = try await FileIO().loadFile(path: path, range: range, context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        }
        let body = try await FileIO().loadFile(path: path, context: context)
        headers[.contentLength] = String(record.size)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The byte range of a `Range` or `x-ms-range` header (`bytes=a-b`, `bytes=a-`, `bytes=-n`); `nil` without
    /// one; 416 `InvalidRange` when it is outside the blob.
    static func range(_ request: Request, size: Int64) throws(BlobError) -> ClosedRange<Int>? {
        guard let header = request.headers[.msRange] ?? request.headers[.range] else { return nil }
        let invalid = BlobError(
            .rangeNotSatisfiable, code: "InvalidRange",
            message: "The range specified is invalid for the current size of the resource.")
        guard header.hasPrefix("bytes="), !header.contains(",") else { throw invalid }
        let spec = header.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { throw invalid }
        let startText = spec[..<dash]
        let endText = spec[spec.index(after: dash)...]
        let total = Int(size)
        var start: Int
        var end: Int
        if startText.isEmpty {
            guard let suffix = Int(endText), suffix > 0 else { throw invalid }
            start = max(0, total - suffix)
            end = total - 1
        } else {
            guard let first = Int(startText) else { throw invalid }
            start = first
            end = endText.isEmpty ? total - 1 : (Int(endText) ?? -1)
            guard end >= start else { throw invalid }
            end = min(end, total - 1)
        }
        guard start < total else { throw invalid }
        return start...end
    }

    @Sendable func put(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let (container, target) = try Self.target(request)
        guard let name = target else { throw BlobError(httpStatus: .notFound) }
        let query = QueryParameters(request.uri.query)
        switch query["comp"] {
        case nil:
            return try await putBlob(request, container: container, name: name, query: query)
        case "block":
            return try await putBlock(request, container: container, name: name, query: query)
        case "blocklist":
            return try await putBlockList(request, container: container, name: name, query: query)
        case "metadata":
            try authorize(query, container: container, blob: name, needs: .write)
            let record = try await services.blobs.setMetadata(
                container: container, name: name, metadata: Self.metadata(request))
            var headers = HTTPFields()
            headers[.eTag] = record.etag
            headers[.lastModified] = Timestamp.rfc1123(Timestamp.parse(record.lastModifiedAt) ?? 0)
            headers[.msRequestServerEncrypted] = "true"
            return Response(status: .ok, headers: headers)
        case let comp?:
            throw BlobError(
                .badRequest, code: "InvalidQueryParameterValue",
                message: "Value for one of the query parameters specified in the request URI is invalid: comp=\(comp).")
        }
    }

    private func putBlob(_ request: Request, container: String, name: String, query: QueryParameters) async throws
        -> Response
    {
        try authorizeWrite(query, container: container, name: name)
        guard let type = request.headers[.msBlobType] else {
            throw BlobError(
                .badRequest, code: "MissingRequiredHeader",
                message: "An HTTP header that's mandatory for this request is not specified: x-ms-blob-type.")
        }
        guard type == "BlockBlob" else {
            throw BlobError(
                .badRequest, code: "InvalidHeaderValue",
                message: "Only block blobs are supported (x-ms-blob-type: BlockBlob), found '\(type)'.")
        }
        let ifNoneMatch = try Self.ifNoneMatchAny(request)
        try await requireContainer(container)
        if ifNoneMatch, try await services.blobs.blob(container: container, name: name) != nil {
            throw BlobError.blobAlreadyExists
        }
        try Self.checkLength(request, limit: services.options.maxBlobSize)
        let file = try await services.blobs.stage(request.body, limit: services.options.maxBlobSize)
        try Self.verifyMD5(request.headers[.contentMD5], file: file, blobs: services.blobs)
        let record = try await services.blobs.commit(
            file, container: container, name: name,
            contentType: request.headers[.msBlobContentType] ?? request.headers[.contentType]
                ?? "application/octet-stream",
            metadata: Self.metadata(request), ifNoneMatch: ifNoneMatch)
        return Self.created(record, md5: true)
    }

    private func putBlock(_ request: Request, container: String, name: String, query: QueryParameters) async throws
        -> Response
    {
        try authorizeWrite(query, container: container, name: name)
        guard let text = query["blockid"], let id = Base64.decode(text), !id.isEmpty, id.count <= 64 else {
            throw BlobError(
                .badRequest, code: "InvalidQueryParameterValue",
                message: "Value for one of the query parameters specified in the request URI is invalid: blockid.")
        }
        try await requireContainer(container)
        try Self.checkLength(request, limit: services.options.maxBlockSize)
        let file = try await services.blobs.putBlock(
            request.body, container: container, blob: name, blockID: id, limit: services.options.maxBlockSize)
        try Self.verifyMD5(request.headers[.contentMD5], file: file, blobs: services.blobs)
        var headers = HTTPFields()
        headers[.contentMD5] = Base64.encode(file.md5)
        headers[.msRequestServerEncrypted] = "true"
        return Response(status: .created, headers: headers)
    }

    private func putBlockList(_ request: Request, container: String, name: String, query: QueryParameters)
        async throws -> Response
    {
        try authorizeWrite(query, container: container, name: name)
        let ifNoneMatch = try Self.ifNoneMatchAny(request)
        try await requireContainer(container)
        var request = request
        let body = try await request.collectBody(upTo: 4 * 1024 * 1024)
        guard let blocks = XMLText.blockList(String(buffer: body)) else {
            throw BlobError(
                .badRequest, code: "InvalidXmlDocument", message: "XML specified is not syntactically valid.")
        }
        var ids: [[UInt8]] = []
        for block in blocks {
            guard let id = Base64.decode(block.id), !id.isEmpty else {
                throw BlobError(.badRequest, code: "InvalidBlockList", message: "The specified block list is invalid.")
            }
            ids.append(id)
        }
        if ifNoneMatch, try await services.blobs.blob(container: container, name: name) != nil {
            throw BlobError.blobAlreadyExists
        }
        let file = try await services.blobs.assemble(container: container, blob: name, blockIDs: ids)
        let record = try await services.blobs.commit(
            file, container: container, name: name,
            contentType: request.headers[.msBlobContentType] ?? "application/octet-stream",
            metadata: Self.metadata(request), ifNoneMatch: ifNoneMatch)
        services.blobs.discardBlocks(container: container, blob: name)
        return Self.created(record, md5: false)
    }

    // MARK: Helpers

    /// Writing needs `w`, or `c` to create a blob, as in Azure.
    private func authorizeWrite(_ query: QueryParameters, container: String, name: String) throws(BlobError) {
        do {
            try authorize(query, container: container, blob: name, needs: .write)
        } catch {
            guard (query["sp"] ?? "").contains("c") else { throw error }
            try authorize(query, container: container, blob: name, needs: .create)
        }
    }

    private static func ifNoneMatchAny(_ request: Request) throws(BlobError) -> Bool {
        guard let value = request.headers[.ifNoneMatch] else { return false }
        guard value.trimmingSpaces == "*" else {
            throw BlobError(
                .badRequest, code: "UnsupportedHeader",
                message: "Only If-None-Match: * is supported by the local blob service.")
        }
        return true
    }

    private static func checkLength(_ request: Request, limit: Int64) throws(BlobError) {
        if let text = request.headers[.contentLength], let length = Int64(text), length > limit {
            throw BlobError(
                .contentTooLarge, code: "RequestBodyTooLarge",
                message: "The request body is too large and exceeds the maximum permissible limit (\(limit) bytes).")
        }
    }

    private static func verifyMD5(_ header: String?, file: BlobStore.StagedFile, blobs: BlobStore) throws(BlobError) {
        guard let header else { return }
        guard Base64.decode(header) == file.md5 else {
            POSIXFile.remove(file.path)
            throw BlobError(
                .badRequest, code: "Md5Mismatch",
                message: "The MD5 value specified in the request did not match with the MD5 value calculated by the "
                    + "server.")
        }
    }

    /// The `x-ms-meta-*` headers, names as sent without the prefix.
    static func metadata(_ request: Request) -> [(String, String)] {
        request.headers.compactMap { field in
            let name = field.name.rawName
            guard name.lowercased().hasPrefix("x-ms-meta-") else { return nil }
            return (String(name.dropFirst("x-ms-meta-".count)), field.value)
        }
    }

    private static func created(_ record: BlobRecord, md5: Bool) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = record.etag
        headers[.lastModified] = Timestamp.rfc1123(Timestamp.parse(record.lastModifiedAt) ?? 0)
        if md5 { headers[.contentMD5] = record.contentMD5 }
        headers[.msRequestServerEncrypted] = "true"
        return Response(status: .created, headers: headers)
    }

    /// The headers of Get Blob Properties.
    static func propertyHeaders(_ record: BlobRecord) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = record.contentType
        headers[.contentMD5] = record.contentMD5
        headers[.eTag] = record.etag
        headers[.lastModified] = Timestamp.rfc1123(Timestamp.parse(record.lastModifiedAt) ?? 0)
        headers[.msCreationTime] = Timestamp.rfc1123(Timestamp.parse(record.createdAt) ?? 0)
        headers[.msBlobType] = "BlockBlob"
        headers[.msServerEncrypted] = "true"
        headers[.msLeaseState] = "available"
        headers[.msLeaseStatus] = "unlocked"
        headers[.msAccessTier] = "Hot"
        for (name, value) in (try? JSONValue(parsing: record.metadata))?.objectValue ?? [:] {
            if let field = HTTPField.Name("x-ms-meta-" + name), let text = value.stringValue {
                headers.append(HTTPField(name: field, value: text))
            }
        }
        return headers
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = drop { $0 == " " }
        return start.dropLast(start.reversed().prefix { $0 == " " }.count)
    }
}
