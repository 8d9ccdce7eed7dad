import AsyncHTTPClient
import AzureML
import Foundation
internal import NIOCore
internal import NIOHTTP1

/// Performs one logical request as several attempts when needed: each attempt gets fresh headers (a refreshed
/// token, a new `x-ms-date` and signature) and a fresh body stream, a deadline, and a bounded response; the
/// `RetryPolicy` decides whether and how long to wait after a retryable status or a connection failure.
struct RetryingExchange: Sendable {
    let httpClient: HTTPClient
    let configuration: ARMClient.Configuration

    enum Body: Sendable {
        case empty
        case bytes([UInt8])
        case file(path: String, offset: Int, length: Int)
    }

    struct Outgoing: Sendable {
        var method: String
        var url: String
        /// `METHOD url` without secrets, for errors and retry notices.
        var described: String
        var body: Body
        var timeout: Double
        var maxResponseBytes: Int
        var headers: @Sendable () async throws -> [Header]
    }

    struct Incoming: Sendable {
        var status: Int
        var headers: [Header]
        var body: [UInt8]
    }

    /// Why an attempt did not produce a response.
    private enum AttemptFailure: Error {
        case connection(String)
        case timeout
    }

    func perform(_ outgoing: Outgoing) async throws -> Incoming {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        while true {
            attempt += 1
            let outcome: RetryPolicy.Outcome
            let reason: String
            var failure: AttemptFailure?
            var incoming: Incoming?
            do {
                let response = try await once(outgoing)
                incoming = response
                let retryAfter = RetryAfter.seconds(in: response.headers, now: configuration.now())
                outcome = .status(response.status, retryAfter: retryAfter)
                reason = "HTTP \(response.status)"
            } catch let error as AttemptFailure {
                failure = error
                outcome = .connectionFailure
                switch error {
                case .connection(let text): reason = "connection failed: \(text)"
                case .timeout: reason = "no answer within \(outgoing.timeout) s"
                }
            }
            let elapsed = Self.seconds(clock.now - start)
            let delay = configuration.retryPolicy.delay(
                after: outcome, attempt: attempt, elapsed: elapsed, jitter: configuration.jitter())
            guard let delay else {
                if let incoming { return incoming }
                switch failure {
                case .timeout:
                    throw WorkspaceClientError.timeout(outgoing.described, seconds: outgoing.timeout, attempts: attempt)
                case .connection(let text):
                    throw WorkspaceClientError.transport(outgoing.described, attempts: attempt, underlying: text)
                case nil:
                    throw WorkspaceClientError.transport(outgoing.described, attempts: attempt, underlying: reason)
                }
            }
            configuration.onRetry?(
                ARMClient.RetryNotice(request: outgoing.described, attempt: attempt, reason: reason, delay: delay))
            try await configuration.sleep(delay)
        }
    }

    /// One attempt; throws `AttemptFailure` for what may be retried and `WorkspaceClientError` for what may not.
    private func once(_ outgoing: Outgoing) async throws -> Incoming {
        var request = HTTPClientRequest(url: outgoing.url)
        request.method = HTTPMethod(rawValue: outgoing.method.uppercased())
        for header in try await outgoing.headers() {
            request.headers.add(name: header.name, value: header.value)
        }
        switch outgoing.body {
        case .empty:
            if !["GET", "HEAD", "DELETE"].contains(outgoing.method.uppercased()) {
                request.body = .bytes(ByteBuffer())
            }
        case .bytes(let bytes):
            request.body = .bytes(ByteBuffer(bytes: bytes))
        case .file(let path, let offset, let length):
            request.body = .stream(
                FileChunks(path: path, offset: offset, length: length), length: .known(Int64(length)))
        }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(outgoing.timeout * 1_000_000_000))
        do {
            let response = try await httpClient.execute(request, deadline: deadline)
            if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init),
                declared > outgoing.maxResponseBytes
            {
                throw WorkspaceClientError.responseTooLarge(outgoing.described, limit: outgoing.maxResponseBytes)
            }
            let buffer = try await response.body.collect(upTo: outgoing.maxResponseBytes)
            let headers = response.headers.map { Header($0.name, $0.value) }
            return Incoming(status: Int(response.status.code), headers: headers, body: Array(buffer.readableBytesView))
        } catch let error as WorkspaceClientError {
            throw error
        } catch is NIOTooManyBytesError {
            throw WorkspaceClientError.responseTooLarge(outgoing.described, limit: outgoing.maxResponseBytes)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError {
            if Task.isCancelled { throw CancellationError() }
            if Self.timeouts.contains(error) { throw AttemptFailure.timeout }
            if Self.permanent.contains(error) {
                throw WorkspaceClientError.transport(outgoing.described, attempts: 1, underlying: "\(error)")
            }
            throw AttemptFailure.connection("\(error)")
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw AttemptFailure.connection("\(error)")
        }
    }

    private static let timeouts: [HTTPClientError] = [
        .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
        .getConnectionFromPoolTimeout,
    ]

    private static let permanent: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .bodyLengthMismatch, .cancelled,
    ]

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
