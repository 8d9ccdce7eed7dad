public import AzureML

/// Follows jobs until each reaches a terminal status: `deploy apply`'s waiting, and what `deploy jobs logs --follow`
/// and `deploy jobs wait` build on. With a log reader (the local workspace's log route) it reads each job's log
/// from where it left off, which also carries the status, and reports every complete line; without one it polls
/// `GET /jobs/{name}`. It reports each job's first status and every change, and returns how each job ended.
public struct JobFollower: Sendable {
    /// The statuses after which a job does not change any more (the SDK's terminal group, azureml-rest.md §3.1).
    public static let terminalStatuses: Set<String> = ["Completed", "Failed", "Canceled", "NotResponding", "Paused"]

    /// Reads the log of a job from a byte offset (`ARMClient.jobLog(_:from:)` for the local workspace).
    public typealias LogReader = @Sendable (_ job: String, _ offset: Int64) async throws -> JobLogChunk

    /// What following reports as it goes.
    public enum Event: Sendable, Hashable {
        /// The job's first status seen, then each change.
        case status(job: String, status: String)
        /// A complete line of the job's log, without its line break.
        case log(job: String, line: String)
    }

    /// How one job ended up.
    public struct Outcome: Sendable, Hashable {
        /// The job's name.
        public var name: String
        /// The last status seen; `nil` when the job could not be read.
        public var status: String?
        /// Whether following gave up before the job ended.
        public var timedOut: Bool
        /// Why the job could not be read, when it could not.
        public var error: String?

        /// An outcome.
        public init(name: String, status: String?, timedOut: Bool = false, error: String? = nil) {
            self.name = name
            self.status = status
            self.timedOut = timedOut
            self.error = error
        }

        /// Whether the job completed.
        public var succeeded: Bool { status == "Completed" && !timedOut && error == nil }
    }

    /// The workspace.
    public let service: any WorkspaceService
    /// Reads logs; `nil` polls statuses only (Azure, which does not stream logs over ARM).
    public var logs: LogReader?
    /// The wait between polls, in seconds.
    public var interval: Double
    /// The longest wait per job, in seconds; `nil` waits as long as it takes.
    public var timeout: Double?
    /// Waits the given number of seconds; tests pass one that returns at once.
    public var sleep: @Sendable (Double) async throws -> Void

    /// A follower.
    public init(
        service: any WorkspaceService, logs: LogReader? = nil, interval: Double = 1, timeout: Double? = nil,
        sleep: @escaping @Sendable (Double) async throws -> Void = PollingOptions.taskSleep
    ) {
        self.service = service
        self.logs = logs
        self.interval = interval
        self.timeout = timeout
        self.sleep = sleep
    }

    /// Whether `status` is terminal.
    public static func isTerminal(_ status: String) -> Bool {
        terminalStatuses.contains(status)
    }

    /// Follows the jobs named `names` at once until each has ended (or cannot be read, or its time is up), calling
    /// `events` as they come; the outcomes come back in the order of `names`. Throws only when the task is
    /// cancelled.
    public func follow(_ names: [String], events: @escaping @Sendable (Event) -> Void) async throws -> [Outcome] {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            for name in Set(names) {
                group.addTask { try await follow(name, events: events) }
            }
            var outcomes: [String: Outcome] = [:]
            for try await outcome in group { outcomes[outcome.name] = outcome }
            return names.compactMap { outcomes[$0] }
        }
    }

    /// Follows one job from the start of its log.
    public func follow(_ name: String, events: @escaping @Sendable (Event) -> Void) async throws -> Outcome {
        var status: String?
        var partial: [UInt8] = []
        var offset: Int64 = 0
        var waited = 0.0
        func report(_ next: String) {
            if next != status { events(.status(job: name, status: next)) }
            status = next
        }
        func flush() {
            if !partial.isEmpty { events(.log(job: name, line: Self.line(partial))) }
            partial = []
        }
        while true {
            var full = false
            do {
                if let logs {
                    let chunk = try await logs(name, offset)
                    if !Self.isTerminal(chunk.status) { report(chunk.status) }
                    partial += chunk.bytes
                    while let end = partial.firstIndex(of: 0x0A) {
                        events(.log(job: name, line: Self.line(partial[..<end])))
                        partial.removeSubrange(...end)
                    }
                    offset = chunk.nextOffset
                    full = chunk.bytes.count >= JobLogChunk.defaultLimit
                    if chunk.complete { flush() }
                    if Self.isTerminal(chunk.status) { report(chunk.status) }
                    if chunk.complete { return Outcome(name: name, status: status) }
                } else {
                    guard let job = try await service.getResource("/jobs/\(name)", apiVersion: APIVersion.jobs) else {
                        return Outcome(name: name, status: status, error: "the job no longer exists")
                    }
                    report(job.properties["status"]?.stringValue ?? "Unknown")
                    if let status, Self.isTerminal(status) { return Outcome(name: name, status: status) }
                }
            } catch {
                try Task.checkCancellation()
                flush()
                return Outcome(name: name, status: status, error: ApplyError(error).description)
            }
            if full { continue }
            if let timeout, waited + interval > timeout {
                flush()
                return Outcome(name: name, status: status, timedOut: true)
            }
            try await sleep(interval)
            waited += interval
        }
    }

    /// A log line's text, without a trailing carriage return.
    private static func line(_ bytes: some Collection<UInt8>) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
