public import Foundation

/// Keeps a credential's token until shortly before it expires (5 minutes by default), and makes concurrent callers
/// share one refresh. When a refresh fails while the old token is still valid, the old token is used.
public actor TokenCache {
    /// How long before expiry a token is refreshed.
    public static let defaultRefreshMargin: TimeInterval = 300

    /// The credential tokens come from.
    public nonisolated let credential: any TokenCredential
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AccessToken?
    private var refreshing: Task<AccessToken, any Error>?

    /// A cache over `credential`; `now` is the clock (tests move it).
    public init(
        credential: any TokenCredential, refreshMargin: TimeInterval = TokenCache.defaultRefreshMargin,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credential = credential
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// A token valid for at least the refresh margin, from the cache or from one shared refresh.
    public func token() async throws -> AccessToken {
        if let cached, now() < cached.expiresOn.addingTimeInterval(-refreshMargin) { return cached }
        let task: Task<AccessToken, any Error>
        if let refreshing {
            task = refreshing
        } else {
            let credential = credential
            task = Task { try await credential.requestToken() }
            refreshing = task
        }
        do {
            let token = try await task.value
            if refreshing == task {
                refreshing = nil
                cached = token
            }
            return token
        } catch {
            if refreshing == task { refreshing = nil }
            if let cached, now() < cached.expiresOn { return cached }
            throw error
        }
    }

    /// Forgets the cached token, so the next call asks the credential.
    public func invalidate() {
        cached = nil
    }
}
