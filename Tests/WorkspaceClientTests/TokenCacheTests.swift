import Foundation
import Synchronization
import Testing
import WorkspaceClient

/// A clock tests move by hand.
private final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Issues `token-N` valid for an hour from the clock, slowly; fails while `failing` is set.
private final class SlowCredential: TokenCredential {
    let name = "slow"
    let clock: TestClock
    let calls = Mutex(0)
    let failing = Mutex(false)

    init(clock: TestClock) { self.clock = clock }

    func requestToken() async throws -> AccessToken {
        try await Task.sleep(for: .milliseconds(50))
        if failing.withLock({ $0 }) { throw WorkspaceClientError.authenticationFailed(name, "down") }
        let call = calls.withLock {
            $0 += 1
            return $0
        }
        return AccessToken(token: "token-\(call)", expiresOn: clock.now.addingTimeInterval(3600))
    }
}

@Suite struct TokenCacheTests {
    @Test func keepsATokenUntilFiveMinutesBeforeItExpires() async throws {
        let clock = TestClock()
        let credential = SlowCredential(clock: clock)
        let cache = TokenCache(credential: credential, now: { clock.now })
        #expect(try await cache.token().token == "token-1")
        clock.advance(3299)
        #expect(try await cache.token().token == "token-1")
        clock.advance(2)
        #expect(try await cache.token().token == "token-2")
        await cache.invalidate()
        #expect(try await cache.token().token == "token-3")
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let clock = TestClock()
        let credential = SlowCredential(clock: clock)
        let cache = TokenCache(credential: credential, now: { clock.now })
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.token().token } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(tokens) == ["token-1"])
        #expect(credential.calls.withLock { $0 } == 1)
    }

    @Test func aFailedRefreshFallsBackToTheStillValidToken() async throws {
        let clock = TestClock()
        let credential = SlowCredential(clock: clock)
        let cache = TokenCache(credential: credential, now: { clock.now })
        _ = try await cache.token()
        credential.failing.withLock { $0 = true }
        clock.advance(3400)
        #expect(try await cache.token().token == "token-1")
        clock.advance(300)
        await #expect(throws: WorkspaceClientError.authenticationFailed("slow", "down")) { try await cache.token() }
    }
}
