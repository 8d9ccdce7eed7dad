import Foundation
import Testing
import WorkspaceClient

@Suite struct StaticTokenCredentialTests {
    @Test func answersItsTokenWithTheJWTExpiry() async throws {
        let jwt = makeJWT(#"{"exp": 1900000000}"#)
        let token = try await StaticTokenCredential(token: " \(jwt)\n", name: "AZURE_ACCESS_TOKEN").requestToken()
        #expect(token.token == jwt)
        #expect(token.expiresOn == Date(timeIntervalSince1970: 1_900_000_000))
        let opaque = try await StaticTokenCredential(token: "abc", name: "DEPLOY_TOKEN").requestToken()
        #expect(opaque.expiresOn == .distantFuture)
    }

    @Test func anExpiredOrEmptyTokenIsAnError() async throws {
        let expired = StaticTokenCredential(token: makeJWT(#"{"exp": 1000}"#), name: "AZURE_ACCESS_TOKEN")
        await #expect(
            throws: WorkspaceClientError.authenticationFailed(
                "AZURE_ACCESS_TOKEN", "the token expired at 1970-01-01T00:16:40Z")
        ) { try await expired.requestToken() }
        await #expect(throws: WorkspaceClientError.credentialUnavailable("X", "the token is empty")) {
            try await StaticTokenCredential(token: "  ", name: "X").requestToken()
        }
    }

    @Test func neverShowsTheToken() {
        let credential = StaticTokenCredential(token: "s3cr3t", name: "DEPLOY_TOKEN")
        #expect("\(credential)" == "StaticTokenCredential(DEPLOY_TOKEN, <redacted>)")
        var dumped = ""
        dump(credential, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
    }
}
