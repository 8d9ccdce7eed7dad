import AzureML
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

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
