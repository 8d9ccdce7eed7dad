public import AzureML

/// `--wait`: polls submitted jobs (`GET /jobs/{name}`) until each reaches a terminal status, reporting every
/// status change, within an optional time limit.
public struct JobWaiter: Sendable {
    /// The statuses after which a job does not change any more (the SDK's terminal group, azureml-rest.md §3.1).
    public static let terminalStatuses: Set<String> = ["Completed", "Failed", "Canceled", "NotResponding", "Paused"]

    /// How one job ended up.
    public struct Outcome: Sendable, Hashable {
        /// The job's name.
        public var name: String
        /// The last status seen; `nil` when the job could not be read.
        public var status: String?
        /// Whether waiting gave up before the job ended.
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
    /// The wait between polls, in seconds.
    public var interval: Double
    /// The longest wait in all, in seconds; `nil` waits as long as it takes.
    public var timeout: Double?
    /// Waits the given number of seconds; tests pass one that returns at once.
    public var sleep: @Sendable (Double) async throws -> Void

    /// A waiter.
    public init(
        service: any WorkspaceService, interval: Double = 5, timeout: Double? = nil,
        sleep: @escaping @Sendable (Double) async throws -> Void = PollingOptions.taskSleep
    ) {
        self.service = service
        self.interval = interval
        self.timeout = timeout
        self.sleep = sleep
    }

    /// Whether `status` is terminal.
    public static func isTerminal(_ status: String) -> Bool {
        terminalStatuses.contains(status)
    }

    /// Polls the jobs named `names` until each is terminal (or cannot be read, or the time is up), calling
    /// `onStatus` with each job's first status and each change; the outcomes come back in the order of `names`.
    /// Throws only when the task is cancelled.
    public func wait(for names: [String], onStatus: @escaping @Sendable (String, String) -> Void) async throws
        -> [Outcome]
    {
        var outcomes: [String: Outcome] = [:]
        var pending = names
        var waited = 0.0
        while true {
            let polled = await poll(pending)
            var next: [String] = []
            for (name, result) in polled {
                switch result {
                case .success(let status):
                    if outcomes[name]?.status != status { onStatus(name, status) }
                    outcomes[name] = Outcome(name: name, status: status)
                    if !Self.isTerminal(status) { next.append(name) }
                case .failure(let message):
                    outcomes[name] = Outcome(name: name, status: outcomes[name]?.status, error: message.message)
                }
            }
            pending = names.filter(next.contains)
            guard !pending.isEmpty else { break }
            if let timeout, waited + interval > timeout {
                for name in pending { outcomes[name]?.timedOut = true }
                break
            }
            try await sleep(interval)
            waited += interval
        }
        return names.compactMap { outcomes[$0] }
    }

    /// The status of each job, read in parallel.
    private func poll(_ names: [String]) async -> [(String, Result<String, PollFailure>)] {
        await withTaskGroup(of: (String, Result<String, PollFailure>).self) { group in
            for name in names {
                group.addTask {
                    do {
                        guard let job = try await service.getResource("/jobs/\(name)", apiVersion: APIVersion.jobs)
                        else { return (name, .failure(PollFailure("the job no longer exists"))) }
                        return (name, .success(job.properties["status"]?.stringValue ?? "Unknown"))
                    } catch {
                        return (name, .failure(PollFailure(ApplyError(error).description)))
                    }
                }
            }
            var results: [(String, Result<String, PollFailure>)] = []
            for await result in group { results.append(result) }
            return results
        }
    }

    private struct PollFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
