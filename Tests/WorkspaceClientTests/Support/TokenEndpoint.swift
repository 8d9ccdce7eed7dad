import AsyncHTTPClient
import AzureML
import Foundation
import WorkspaceClient

/// A Microsoft Entra ID token endpoint for tests: `POST /{tenant}/oauth2/v2.0/token` answers a token named after
/// the grant it received (`secret-<client_secret>` or `federated-<client_assertion>`), unless the secret is `bad`.
enum TokenEndpoint {
    static func handle(_ request: RecordedRequest) -> TestResponse {
        guard request.method == "POST", request.path.hasSuffix("/oauth2/v2.0/token"),
            request.header("Content-Type") == "application/x-www-form-urlencoded"
        else { return .json(404, #"{"error": "not_found"}"#) }
        if request.parameter("client_secret", inBody: true) == "bad" {
            return .json(
                401,
                #"{"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided.\r\n"#
                    + #"Trace ID: 1\r\nTimestamp: 2026-01-01", "error_codes": [7000215]}"#)
        }
        let token =
            request.parameter("client_secret", inBody: true).map { "secret-\($0)" }
            ?? request.parameter("client_assertion", inBody: true).map { "federated-\($0)" } ?? "none"
        return .json(200, #"{"token_type": "Bearer", "expires_in": 3599, "access_token": "\#(token)"}"#)
    }
}

/// A transport for credential tests: the test's `HTTPClient`, short deadlines, no waiting between retries.
func testTransport(_ http: HTTPClient, now: @escaping @Sendable () -> Date = { Date() }) -> CredentialTransport {
    CredentialTransport(httpClient: http, timeout: 30, now: now, sleep: { _ in })
}

/// Runs `body` with an `HTTPClient` that is shut down afterwards.
func withHTTP<Result: Sendable>(_ body: (HTTPClient) async throws -> Result) async throws -> Result {
    try await HTTPClient.withHTTPClient(configuration: fastFailingHTTP) { try await body($0) }
}

/// A JWT (unsigned) whose payload is `claims`.
func makeJWT(_ claims: String) -> String {
    func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    return encode(#"{"alg":"none"}"#) + "." + encode(claims) + ".c2ln"
}
