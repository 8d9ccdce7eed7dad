import Foundation
import Testing
import WorkspaceClient

@Suite struct AccessTokenTests {
    @Test func neverShowsTheToken() {
        let token = AccessToken(token: "s3cr3t-token", expiresOn: Date(timeIntervalSince1970: 1_800_000_000))
        #expect("\(token)" == "AccessToken(<redacted>, expires 2027-01-15T08:00:00Z)")
        #expect(String(reflecting: token) == "\(token)")
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
    }

    @Test func readsTheExpiryOfAJWT() {
        #expect(
            AccessToken.jwtExpiry(of: makeJWT(#"{"aud":"x","exp":1800000000}"#))
                == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(AccessToken.jwtExpiry(of: makeJWT(#"{"aud":"x"}"#)) == nil)
        #expect(AccessToken.jwtExpiry(of: "opaque-token") == nil)
        #expect(AccessToken.jwtExpiry(of: "a.!!!.c") == nil)
    }
}
