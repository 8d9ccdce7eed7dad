import Foundation

extension ARMClient {
    /// A retry about to happen: which request, after what, and how long the client waits first.
    public struct RetryNotice: Sendable, Hashable, CustomStringConvertible {
        /// `METHOD url` without secrets.
        public var request: String
        /// The attempt that just ended, counting from 1.
        public var attempt: Int
        /// `HTTP 429`, `connection failed: ...`.
        public var reason: String
        /// The wait before the next attempt, in seconds.
        public var delay: Double

        /// A notice.
        public init(request: String, attempt: Int, reason: String, delay: Double) {
            self.request = request
            self.attempt = attempt
            self.reason = reason
            self.delay = delay
        }

        public var description: String {
            "\(request): \(reason); retrying in \(String(format: "%.1f", delay)) s (attempt \(attempt + 1))"
        }
    }
}
