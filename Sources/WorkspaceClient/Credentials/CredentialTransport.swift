public import AsyncHTTPClient
public import AzureML
public import Foundation

/// How credentials reach token endpoints: the HTTP client, a deadline per attempt, retries, and the clock.
public struct CredentialTransport: Sendable {
    /// The HTTP client (borrowed: the caller shuts it down).
    public var httpClient: HTTPClient
    /// The deadline of one attempt, in seconds.
    public var timeout: Double
    /// Retries of token requests.
    public var retryPolicy: RetryPolicy
    /// The current time (token expiry is computed from `expires_in`).
    public var now: @Sendable () -> Date
    /// Waits between retries.
    public var sleep: @Sendable (Double) async throws -> Void

    /// A transport: 30 s per attempt, 3 attempts.
    public init(
        httpClient: HTTPClient, timeout: Double = 30,
        retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 3, maxTotalSeconds: 60, baseDelay: 0.8, maxDelay: 10),
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async throws -> Void = PollingOptions.taskSleep
    ) {
        self.httpClient = httpClient
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.now = now
        self.sleep = sleep
    }

    /// The same transport with another deadline and retry policy (managed identity probes fail fast).
    func with(timeout: Double, retryPolicy: RetryPolicy) -> CredentialTransport {
        var copy = self
        copy.timeout = timeout
        copy.retryPolicy = retryPolicy
        return copy
    }

    /// A response from a token endpoint: its status and JSON body (when it has one).
    struct Reply {
        var status: Int
        var json: JSONValue?
        var described: String
    }

    /// Sends a request and reads its JSON answer.
    func send(method: String, url: String, headers: [Header], form: [(String, String)]?) async throws -> Reply {
        let described = "\(method) \(BlobURL(url).address)"
        var configuration = ARMClient.Configuration(
            retryPolicy: retryPolicy, requestTimeout: timeout, maxResponseBytes: 1 << 20, sleep: sleep, now: now)
        configuration.userAgent = "deploy (WorkspaceClient)"
        let exchange = RetryingExchange(httpClient: httpClient, configuration: configuration)
        var body: RetryingExchange.Body = .empty
        var allHeaders = headers + [Header("Accept", "application/json")]
        if let form {
            body = .bytes(Array(Self.formEncoded(form).utf8))
            allHeaders.append(Header("Content-Type", "application/x-www-form-urlencoded"))
        }
        let sentHeaders = allHeaders
        let incoming = try await exchange.perform(
            RetryingExchange.Outgoing(
                method: method, url: url, described: described, body: body, timeout: timeout,
                maxResponseBytes: 1 << 20, headers: { sentHeaders }))
        let json = incoming.body.isEmpty ? nil : try? JSONValue(parsing: incoming.body)
        return Reply(status: incoming.status, json: json, described: described)
    }

    /// `application/x-www-form-urlencoded`, every reserved character escaped.
    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }

    /// Reads a token response (`access_token` with `expires_in` or `expires_on`, as numbers or strings).
    func token(from reply: Reply, source: String) throws(WorkspaceClientError) -> AccessToken {
        guard let json = reply.json, let token = json["access_token"]?.stringValue, !token.isEmpty else {
            throw .authenticationFailed(source, "the token response from \(reply.described) has no access_token")
        }
        func seconds(_ key: String) -> Double? {
            json[key].flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
        }
        if let expiresOn = seconds("expires_on") {
            return AccessToken(token: token, expiresOn: Date(timeIntervalSince1970: expiresOn))
        }
        if let expiresIn = seconds("expires_in") {
            return AccessToken(token: token, expiresOn: now().addingTimeInterval(expiresIn))
        }
        throw .authenticationFailed(source, "the token response from \(reply.described) has no expiry")
    }

    /// The error of a refused token request: `error: first line of error_description`.
    static func refusal(_ reply: Reply, source: String) -> WorkspaceClientError {
        let code = reply.json?["error"]?.stringValue
        let description = reply.json?["error_description"]?.stringValue.map {
            String($0.split(whereSeparator: \.isNewline).first ?? "")
        }
        let text = [code, description].compactMap { $0 }.joined(separator: ": ")
        return .authenticationFailed(
            source, text.isEmpty ? "\(reply.described) answered HTTP \(reply.status)" : text,
            httpStatus: reply.status, serviceCode: code)
    }
}
