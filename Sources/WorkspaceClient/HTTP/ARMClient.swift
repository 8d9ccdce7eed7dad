public import AsyncHTTPClient
public import AzureML
import Foundation
internal import NIOCore
internal import NIOHTTP1

/// `WorkspaceService` over HTTP: ARM requests to Azure (or to a local workspace server) with a bearer token, and
/// blob requests with a SAS or a `SharedKey` signature, both retried as the `RetryPolicy` says.
///
/// The client either borrows an `HTTPClient` (the caller shuts it down) or owns one it creates; an owning client
/// must be shut down with `shutdown()`, or used through `withClient`, which does it.
public final class ARMClient: WorkspaceService {
    /// The workspace the requests go to.
    public let workspace: WorkspaceID
    /// Endpoint, retries, deadlines and limits.
    public let configuration: Configuration
    /// The HTTP client requests are sent with.
    public let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let tokens: TokenCache
    private let base: HTTPURL
    private let exchange: RetryingExchange

    /// A client that sends with `httpClient`, which the caller keeps and shuts down. The caller's client should
    /// not follow redirects, since a redirect would carry the bearer token elsewhere.
    public convenience init(
        workspace: WorkspaceID, credential: any TokenCredential, configuration: Configuration = Configuration(),
        httpClient: HTTPClient
    ) throws(WorkspaceClientError) {
        try self.init(
            workspace: workspace, credential: credential, configuration: configuration, httpClient: httpClient,
            owns: false)
    }

    /// A client with its own `HTTPClient` (no redirects followed); call `shutdown()` when done.
    public convenience init(
        workspace: WorkspaceID, credential: any TokenCredential, configuration: Configuration = Configuration()
    ) throws(WorkspaceClientError) {
        try self.init(
            workspace: workspace, credential: credential, configuration: configuration,
            httpClient: HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.httpConfiguration),
            owns: true)
    }

    private init(
        workspace: WorkspaceID, credential: any TokenCredential, configuration: Configuration, httpClient: HTTPClient,
        owns: Bool
    ) throws(WorkspaceClientError) {
        let trimmed =
            configuration.baseURL.hasSuffix("/") ? String(configuration.baseURL.dropLast()) : configuration.baseURL
        guard let base = HTTPURL(trimmed), base.rest.firstIndex(where: { $0 == "?" || $0 == "#" }) == nil else {
            if owns { try? httpClient.syncShutdown() }
            throw .insecureURL(configuration.baseURL, "not an absolute http(s) URL without query")
        }
        if base.scheme == "http", !base.isLoopback, !configuration.allowsInsecureHTTP {
            if owns { try? httpClient.syncShutdown() }
            throw .insecureURL(
                configuration.baseURL,
                "refusing to send a bearer token over plain http to a host other than the loopback address "
                    + "(use https, or allow insecure HTTP explicitly)")
        }
        var configuration = configuration
        configuration.baseURL = trimmed
        self.workspace = workspace
        self.configuration = configuration
        self.httpClient = httpClient
        ownsHTTPClient = owns
        tokens = TokenCache(credential: credential, now: configuration.now)
        self.base = base
        exchange = RetryingExchange(httpClient: httpClient, configuration: configuration)
    }

    /// Runs `body` with a client that owns its `HTTPClient`, and shuts it down afterwards, whether `body` throws or
    /// not.
    public static func withClient<Result: Sendable>(
        workspace: WorkspaceID, credential: any TokenCredential, configuration: Configuration = Configuration(),
        _ body: (ARMClient) async throws -> Result
    ) async throws -> Result {
        let client = try ARMClient(workspace: workspace, credential: credential, configuration: configuration)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Shuts down the `HTTPClient` when this client created it; does nothing for a borrowed one.
    public func shutdown() async throws {
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    /// The configuration of the `HTTPClient`s this module creates: no redirects, a 5 s connect timeout (the pool
    /// retries a refused connection until then).
    public static var httpConfiguration: HTTPClient.Configuration {
        HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
    }

    /// The URL of `request`: a workspace-relative path joined onto `baseURL` and the workspace id, or an absolute
    /// URL as given; then `api-version` (unless the URL already has one) and the other query parameters, encoded.
    public static func url(for request: ARMRequest, baseURL: String, workspace: WorkspaceID) -> String {
        var url: String
        if request.isAbsolute {
            url = request.path
        } else {
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            let relative = request.path.hasPrefix("/") || request.path.isEmpty ? request.path : "/" + request.path
            url = base + PercentEncoding.encodePath(workspace.armID + relative)
        }
        var items: [ARMRequest.QueryItem] = []
        if let version = request.apiVersion, !BlobURL(url).query.contains("api-version=") {
            items.append(ARMRequest.QueryItem("api-version", version))
        }
        items += request.query
        guard !items.isEmpty else { return url }
        let added = items.map {
            PercentEncoding.encodeQueryComponent($0.name) + "=" + PercentEncoding.encodeQueryComponent($0.value)
        }
        let existing = BlobURL(url)
        return existing.address + "?"
            + ((existing.query.isEmpty ? [] : [existing.query]) + added).joined(separator: "&")
    }

    /// Sends an ARM request with a bearer token, the request and correlation ids and a JSON body, retrying
    /// transient failures (and a 401 once, with a fresh token); returns the response whatever its status. A non-JSON error body is turned into an
    /// ARM error whose code is `HttpStatus<status>` and whose message is the body's text.
    public func send(_ request: ARMRequest) async throws -> ARMResponse {
        let (incoming, described) = try await perform(request)
        return try Self.armResponse(incoming, described: described)
    }

    /// Sends an ARM request as `send(_:)` does (token, ids, retries) and returns the body's bytes as they came, for
    /// routes that answer with something other than JSON (the local workspace's job logs).
    public func sendReceivingBytes(_ request: ARMRequest) async throws -> BlobResponse {
        let (incoming, _) = try await perform(request)
        return BlobResponse(status: incoming.status, headers: incoming.headers, body: incoming.body)
    }

    /// The exchange behind `send(_:)` and `sendReceivingBytes(_:)`, and how the request is described in errors.
    func perform(_ request: ARMRequest) async throws -> (RetryingExchange.Incoming, String) {
        let url = Self.url(for: request, baseURL: configuration.baseURL, workspace: workspace)
        let described = "\(request.method) \(BlobURL(url).address)"
        if request.isAbsolute {
            guard let target = HTTPURL(url), target.sameOrigin(as: base) else {
                throw WorkspaceClientError.insecureURL(
                    BlobURL(url).description,
                    "refusing to send the bearer token to a different origin than \(configuration.baseURL)")
            }
        }
        let body: [UInt8]? = request.body.map { Array($0.serialized(.compact).utf8) }
        let clientRequestID = UUID().uuidString.lowercased()
        let tokens = tokens
        let configuration = configuration
        let outgoing = RetryingExchange.Outgoing(
            method: request.method, url: url, described: described,
            body: body.map { .bytes($0) } ?? .empty, timeout: configuration.requestTimeout,
            maxResponseBytes: configuration.maxResponseBytes
        ) {
            let token = try await tokens.token()
            var headers: [Header] = [
                Header("Authorization", "Bearer \(token.token)"),
                Header("Accept", "application/json"),
                Header("User-Agent", configuration.userAgent),
                Header("x-ms-client-request-id", clientRequestID),
                Header("x-ms-correlation-request-id", configuration.correlationID),
            ]
            if body != nil { headers.append(Header("Content-Type", "application/json")) }
            return Self.merging(request.headers, over: headers)
        }
        var incoming = try await exchange.perform(outgoing)
        if incoming.status == 401 {
            // A cached token can be revoked or rotated before it expires: ask the credential once more.
            await tokens.invalidate()
            incoming = try await exchange.perform(outgoing)
        }
        return (incoming, described)
    }

    /// Sends a blob request: the SAS stays in the URL, or the request is signed with the account key; adds
    /// `x-ms-version`, `x-ms-date`, `x-ms-client-request-id` and, for bodies that are cheap to hash, `Content-MD5`.
    public func send(_ request: BlobRequest) async throws -> BlobResponse {
        guard let target = HTTPURL(request.url) else {
            throw WorkspaceClientError.insecureURL(BlobURL(request.url).description, "not an absolute http(s) URL")
        }
        if target.scheme == "http", !target.isLoopback, !configuration.allowsInsecureHTTP {
            throw WorkspaceClientError.insecureURL(
                BlobURL(request.url).description,
                "refusing to send blob credentials over plain http to a host other than the loopback address")
        }
        let described = "\(request.method) \(BlobURL(request.url).description)"
        let body: RetryingExchange.Body
        switch request.body {
        case .empty: body = .empty
        case .bytes(let bytes): body = .bytes(bytes)
        case .file(let path, let offset, let length):
            try Self.checkReadable(path: path, offset: offset, length: length)
            body = .file(path: path, offset: offset, length: length)
        }
        let md5 = try await contentMD5(of: request)
        let clientRequestID = UUID().uuidString.lowercased()
        let configuration = configuration
        let outgoing = RetryingExchange.Outgoing(
            method: request.method, url: request.url, described: described, body: body,
            timeout: configuration.blobRequestTimeout, maxResponseBytes: configuration.maxBlobResponseBytes
        ) {
            var headers: [Header] = [
                Header("User-Agent", configuration.userAgent),
                Header("x-ms-version", configuration.storageVersion),
                Header("x-ms-date", RetryAfter.httpDate(configuration.now())),
                Header("x-ms-client-request-id", clientRequestID),
            ]
            if let md5 { headers.append(Header("Content-MD5", md5)) }
            headers = Self.merging(request.headers, over: headers)
            if case .sharedKey(let account, let key) = request.authorization {
                var signed = headers
                if request.body.count > 0 || !["GET", "HEAD", "DELETE"].contains(request.method.uppercased()) {
                    signed.append(Header("Content-Length", String(request.body.count)))
                }
                let value = try SharedKeySignature.authorization(
                    method: request.method, url: request.url, headers: signed, account: account, key: key)
                headers.append(Header("Authorization", value))
            }
            return headers
        }
        let incoming = try await exchange.perform(outgoing)
        return BlobResponse(status: incoming.status, headers: incoming.headers, body: incoming.body)
    }

    /// The base64 MD5 of a PUT body held in memory, or of a file range up to the configured limit; `nil` otherwise
    /// or when the caller set one.
    private func contentMD5(of request: BlobRequest) async throws -> String? {
        guard request.headers.value("Content-MD5") == nil, request.body.count > 0 else { return nil }
        switch request.body {
        case .empty: return nil
        case .bytes(let bytes): return ContentMD5.base64(of: bytes)
        case .file(let path, let offset, let length):
            guard length <= configuration.contentMD5Limit else { return nil }
            return try await ContentMD5.base64(ofFile: path, offset: offset, length: length)
        }
    }

    private static func checkReadable(path: String, offset: Int, length: Int) throws {
        guard offset >= 0, length >= 0 else {
            throw WorkspaceClientError.io(path, "invalid range \(offset)+\(length)")
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw WorkspaceClientError.io(path, "cannot read the file to upload")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard offset + length <= size else {
            throw WorkspaceClientError.io(path, "the file has \(size) bytes, fewer than \(offset + length)")
        }
    }

    /// `extra` headers replace same-named `base` headers; the rest of `base` is kept.
    static func merging(_ extra: [Header], over base: [Header]) -> [Header] {
        let names = Set(extra.map { $0.name.lowercased() })
        return base.filter { !names.contains($0.name.lowercased()) } + extra
    }

    static func armResponse(_ incoming: RetryingExchange.Incoming, described: String) throws -> ARMResponse {
        guard !incoming.body.isEmpty else {
            return ARMResponse(status: incoming.status, headers: incoming.headers, body: nil)
        }
        if let json = try? JSONValue(parsing: incoming.body) {
            return ARMResponse(status: incoming.status, headers: incoming.headers, body: json)
        }
        let text = String(decoding: incoming.body.prefix(2000), as: UTF8.self)
        guard !(200..<300).contains(incoming.status) else {
            throw WorkspaceClientError.invalidResponse(
                described, "HTTP \(incoming.status) with a body that is not JSON: \(text.prefix(200))")
        }
        let error = ARMErrorResponse(
            code: "HttpStatus\(incoming.status)", message: text.trimmingCharacters(in: .whitespacesAndNewlines))
        return ARMResponse(status: incoming.status, headers: incoming.headers, body: error.json)
    }
}
