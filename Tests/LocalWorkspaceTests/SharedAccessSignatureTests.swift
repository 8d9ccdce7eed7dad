import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct SharedAccessSignatureTests {
    let signer = SharedAccessSignature(key: Array(0..<32))
    let now = 1_800_000_000.0

    func rejection(
        _ token: String, blob: String? = "a/b.txt", container: String = "c1",
        needs: SharedAccessSignature.Permission = .read
    ) -> String? {
        signer.rejection(query: QueryParameters(token), container: container, blob: blob, needs: needs, now: now)
    }

    @Test func tokensHaveAzuresShape() {
        let token = signer.token(container: "c1", permissions: "racwdl", expiry: now + 3600)
        #expect(token.hasPrefix("sv=\(SharedAccessSignature.version)&se=2027-01-15T09:00:00Z&sr=c&sp=racwdl&sig="))
        #expect(rejection(token) == nil)
        #expect(rejection(token, blob: nil, needs: .list) == nil)
    }

    @Test func scopePermissionsAndExpiryAreEnforced() {
        let container = signer.token(container: "c1", permissions: "r", expiry: now + 60)
        #expect(
            rejection(container, container: "c2") == "the signature does not match the resource or its signed fields")
        #expect(
            rejection(container, needs: .write)
                == "the signature does not grant the 'w' permission this operation needs")
        let blob = signer.token(container: "c1", blob: "a/b.txt", permissions: "r", expiry: now + 60)
        #expect(rejection(blob) == nil)
        #expect(rejection(blob, blob: "a/c.txt") == "the signature does not match the resource or its signed fields")
        #expect(rejection(blob, blob: nil) == "a blob signature (sr=b) cannot authorize a container request")
        let expired = signer.token(container: "c1", permissions: "r", expiry: now - 1)
        #expect(rejection(expired) == "the signature expired at 2027-01-15T07:59:59Z")
        let future = signer.token(container: "c1", permissions: "r", expiry: now + 7200, start: now + 3600)
        #expect(rejection(future) == "the signature is not valid before 2027-01-15T09:00:00Z")
        #expect(
            rejection("sv=x&sr=c")
                == "the request carries no shared access signature (sv, sr, sp, se and sig are required)")
        let widened = container.replacingOccurrences(of: "sp=r", with: "sp=rw")
        #expect(rejection(widened, needs: .write) == "the signature does not match the resource or its signed fields")
    }
}
