import AzureML
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as the test server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query, as sent.
    var uri: String
    var headers: [Header]
    var body: [UInt8]

    var path: String { String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
    var query: String {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : ""
    }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.value(name) }

    /// The decoded value of a query parameter or form field.
    func parameter(_ name: String, inBody: Bool = false) -> String? {
        for item in (inBody ? text : query).split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if PercentEncoding.decode(String(pair[0]), plusIsSpace: true) == name {
                return pair.count > 1 ? PercentEncoding.decode(String(pair[1]), plusIsSpace: true) : ""
            }
        }
        return nil
    }
}

/// What the test server answers.
struct TestResponse: Sendable {
    var status: Int
    var headers: [Header] = []
    var body: [UInt8] = []
    /// Closes the connection instead of answering.
    var dropConnection = false
    /// Waits this long before answering, in seconds.
    var delay: Double = 0

    static func json(_ status: Int, _ text: String, headers: [Header] = []) -> TestResponse {
        TestResponse(
            status: status, headers: headers + [Header("Content-Type", "application/json")], body: Array(text.utf8))
    }

    static func text(_ status: Int, _ text: String, headers: [Header] = []) -> TestResponse {
        TestResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    static let drop = TestResponse(status: 0, dropConnection: true)
}

/// An HTTP/1.1 server on 127.0.0.1:0 that answers every request with a handler and records what it received.
final class TestHTTPServer: Sendable {
    typealias Handler = @Sendable (RecordedRequest) async -> TestResponse

    let port: Int
    private let recorded = Mutex<[RecordedRequest]>([])
    private let connections = Mutex<[any Channel]>([])

    private init(port: Int) {
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [RecordedRequest] { recorded.withLock { $0 } }

    /// Runs `body` with a server answering through `handler`, and stops the server afterwards.
    @discardableResult
    static func run<Result: Sendable>(
        _ handler: @escaping Handler, _ body: (TestHTTPServer) async throws -> Result
    ) async throws -> Result {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let server = TestHTTPServer(port: listener.channel.localAddress!.port!)
        let accepting = Task {
            try await listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        server.connections.withLock { $0.append(connection.channel) }
                        group.addTask { try? await server.serve(connection, handler) }
                    }
                }
            }
        }
        let result: Result
        do {
            result = try await body(server)
        } catch {
            await server.stop(listener.channel, accepting)
            throw error
        }
        await server.stop(listener.channel, accepting)
        return result
    }

    private func stop(_ listener: any Channel, _ accepting: Task<Void, any Error>) async {
        try? await listener.close()
        accepting.cancel()
        for channel in connections.withLock({ $0 }) { try? await channel.close() }
        _ = await accepting.result
    }

    private func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, _ handler: Handler
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body = []
                case .body(let buffer):
                    body += buffer.readableBytesView
                case .end:
                    guard let head else { return }
                    let request = RecordedRequest(
                        method: head.method.rawValue, uri: head.uri,
                        headers: head.headers.map { Header($0.name, $0.value) }, body: body)
                    recorded.withLock { $0.append(request) }
                    let response = await handler(request)
                    if response.delay > 0 { try await Task.sleep(for: .seconds(response.delay)) }
                    if response.dropConnection { return }
                    var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
                    if headers["Content-Length"].isEmpty {
                        headers.add(name: "Content-Length", value: String(response.body.count))
                    }
                    try await outbound.write(
                        .head(
                            HTTPResponseHead(
                                version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                headers: headers)))
                    if !response.body.isEmpty, head.method != .HEAD {
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                    }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}
