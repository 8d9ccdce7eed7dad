import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 proxy on 127.0.0.1:0 in front of another server (the local workspace), for tests and benchmarks:
/// it forwards every request as received (the `Host` header included, so URLs the server builds from it point at the
/// proxy), adds latency, and injects faults into a share of the requests: 429 with `Retry-After`, 503, a connection
/// dropped after the request head (nothing forwarded), or a connection dropped after forwarding (the server acted,
/// the client never hears). Every request is logged with what happened to it.
public final class FaultProxy: Sendable {
    /// What the proxy does to requests.
    public struct Faults: Sendable, Hashable {
        /// The share of requests answered 429 with `Retry-After: retryAfter`.
        public var throttled: Double
        /// The `Retry-After` of throttled requests, in seconds.
        public var retryAfter: Int
        /// The share of requests answered 503.
        public var unavailable: Double
        /// The share of requests whose connection is closed after the request head, before anything is forwarded.
        public var droppedBeforeForwarding: Double
        /// The share of requests forwarded whose connection is closed before the response is written.
        public var droppedAfterForwarding: Double
        /// The most faults injected into the same request (method and URL) before it is let through, so that a
        /// client retrying a handful of times always gets through.
        public var maxFaultsPerRequest: Int
        /// Seconds added before every request is forwarded.
        public var latency: Double
        /// The seed of the random choices.
        public var seed: UInt64

        /// No faults, no latency.
        public static let none = Faults()

        /// Faults; every share defaults to 0.
        public init(
            throttled: Double = 0, retryAfter: Int = 1, unavailable: Double = 0, droppedBeforeForwarding: Double = 0,
            droppedAfterForwarding: Double = 0, maxFaultsPerRequest: Int = 2, latency: Double = 0, seed: UInt64 = 1
        ) {
            self.throttled = throttled
            self.retryAfter = retryAfter
            self.unavailable = unavailable
            self.droppedBeforeForwarding = droppedBeforeForwarding
            self.droppedAfterForwarding = droppedAfterForwarding
            self.maxFaultsPerRequest = maxFaultsPerRequest
            self.latency = latency
            self.seed = seed
        }
    }

    /// What the proxy did with a request.
    public enum Treatment: String, Sendable, Hashable {
        case forwarded
        case throttled
        case unavailable
        case droppedBeforeForwarding
        case droppedAfterForwarding
    }

    /// One request the proxy received.
    public struct Entry: Sendable, Hashable {
        /// `GET`, `PUT`, ...
        public var method: String
        /// The path, without the query.
        public var path: String
        /// What the proxy did.
        public var treatment: Treatment
        /// The upstream server's status, when the request was forwarded.
        public var upstreamStatus: Int?
    }

    private struct State {
        var random: UInt64
        var faultsPerRequest: [String: Int] = [:]
        var entries: [Entry] = []
        var faults: Faults
    }

    /// `http://127.0.0.1:PORT`.
    public let url: String
    private let upstream: String
    private let state: Mutex<State>
    private let client: HTTPClient
    private let listener: any Channel
    private let accepting = Mutex<Task<Void, any Error>?>(nil)
    private let connections = Mutex<[any Channel]>([])

    private init(url: String, upstream: String, faults: Faults, client: HTTPClient, listener: any Channel) {
        self.url = url
        self.upstream = upstream.hasSuffix("/") ? String(upstream.dropLast()) : upstream
        state = Mutex(State(random: faults.seed, faults: faults))
        self.client = client
        self.listener = listener
    }

    /// Starts a proxy to `upstream` (`http://127.0.0.1:PORT`); stop it with `shutdown()`.
    public static func start(upstream: String, faults: Faults = .none) async throws -> FaultProxy {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(120)))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        let port = listener.channel.localAddress?.port ?? 0
        let proxy = FaultProxy(
            url: "http://127.0.0.1:\(port)", upstream: upstream, faults: faults, client: client,
            listener: listener.channel)
        let task = Task {
            try await listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        proxy.connections.withLock { $0.append(connection.channel) }
                        group.addTask { try? await proxy.serve(connection) }
                    }
                }
            }
        }
        proxy.accepting.withLock { $0 = task }
        return proxy
    }

    /// Stops accepting, closes every connection and the HTTP client.
    public func shutdown() async throws {
        try? await listener.close()
        let task = accepting.withLock { $0 }
        task?.cancel()
        for channel in connections.withLock({ $0 }) { try? await channel.close() }
        _ = await task?.result
        try await client.shutdown()
    }

    /// Every request received, in order of arrival.
    public var entries: [Entry] { state.withLock { $0.entries } }

    /// Replaces the faults (from the next request on).
    public func setFaults(_ faults: Faults) {
        state.withLock { $0.faults = faults }
    }

    /// Forgets the log.
    public func resetLog() {
        state.withLock { $0.entries = [] }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            var treatment = Treatment.forwarded
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                    treatment = decide(method: received.method.rawValue, uri: received.uri)
                    if treatment == .droppedBeforeForwarding {
                        log(received, treatment, status: nil)
                        return
                    }
                case .body(var buffer):
                    body.writeBuffer(&buffer)
                case .end:
                    guard let head else { return }
                    let response: (HTTPResponseHead, ByteBuffer)
                    switch treatment {
                    case .throttled:
                        let retryAfter = state.withLock { $0.faults.retryAfter }
                        response = Self.error(head, 429, "TooManyRequests", retryAfter: retryAfter)
                        log(head, treatment, status: nil)
                    case .unavailable:
                        response = Self.error(head, 503, "ServiceUnavailable", retryAfter: nil)
                        log(head, treatment, status: nil)
                    default:
                        let latency = state.withLock { $0.faults.latency }
                        if latency > 0 { try await Task.sleep(for: .milliseconds(Int(latency * 1000))) }
                        response = try await forward(head, body: body)
                        log(head, treatment, status: Int(response.0.status.code))
                        if treatment == .droppedAfterForwarding { return }
                    }
                    try await outbound.write(.head(response.0))
                    if response.1.readableBytes > 0, head.method != .HEAD {
                        try await outbound.write(.body(.byteBuffer(response.1)))
                    }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }

    /// The treatment of the next request, by the seeded random choice, within `maxFaultsPerRequest`.
    private func decide(method: String, uri: String) -> Treatment {
        state.withLock { state in
            let key = method + " " + uri
            let faults = state.faults
            let roll = Self.next(&state.random)
            guard (state.faultsPerRequest[key] ?? 0) < faults.maxFaultsPerRequest else { return .forwarded }
            let shares: [(Double, Treatment)] = [
                (faults.throttled, .throttled), (faults.unavailable, .unavailable),
                (faults.droppedBeforeForwarding, .droppedBeforeForwarding),
                (faults.droppedAfterForwarding, .droppedAfterForwarding),
            ]
            var bound = 0.0
            var choice = Treatment.forwarded
            for (share, treatment) in shares {
                bound += share
                if roll < bound {
                    choice = treatment
                    break
                }
            }
            if choice != .forwarded { state.faultsPerRequest[key, default: 0] += 1 }
            return choice
        }
    }

    /// A uniformly random number in [0, 1) from a SplitMix64 state.
    private static func next(_ state: inout UInt64) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    private func log(_ head: HTTPRequestHead, _ treatment: Treatment, status: Int?) {
        let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        state.withLock {
            $0.entries.append(
                Entry(method: head.method.rawValue, path: path, treatment: treatment, upstreamStatus: status))
        }
    }

    /// Sends the request upstream as received and returns the answer, framed by its length.
    private func forward(_ head: HTTPRequestHead, body: ByteBuffer) async throws -> (HTTPResponseHead, ByteBuffer) {
        var request = HTTPClientRequest(url: upstream + head.uri)
        request.method = head.method
        for (name, value) in head.headers
        where !Self.hopByHop.contains(name.lowercased()) && name.lowercased() != "content-length" {
            request.headers.add(name: name, value: value)
        }
        if body.readableBytes > 0 || ![.GET, .HEAD, .DELETE].contains(head.method) {
            request.body = .bytes(body)
        }
        let response = try await client.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 1 << 30)
        var headers = HTTPHeaders()
        for (name, value) in response.headers where !Self.hopByHop.contains(name.lowercased()) {
            if name.lowercased() == "content-length", head.method != .HEAD { continue }
            headers.add(name: name, value: value)
        }
        if head.method != .HEAD { headers.add(name: "Content-Length", value: String(bytes.readableBytes)) }
        return (HTTPResponseHead(version: head.version, status: response.status, headers: headers), bytes)
    }

    private static let hopByHop: Set<String> = [
        "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection",
    ]

    private static func error(_ head: HTTPRequestHead, _ status: Int, _ code: String, retryAfter: Int?) -> (
        HTTPResponseHead, ByteBuffer
    ) {
        let text = "{\"error\":{\"code\":\"\(code)\",\"message\":\"injected by the fault proxy\"}}"
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(text.utf8.count))])
        if let retryAfter { headers.add(name: "Retry-After", value: String(retryAfter)) }
        return (
            HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: status), headers: headers),
            ByteBuffer(string: text)
        )
    }
}
