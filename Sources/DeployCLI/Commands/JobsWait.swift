public import ArgumentParser

extension DeployCommand.Jobs {
    /// `deploy jobs wait NAME`.
    public struct Wait: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "wait",
            abstract: "Wait until a job ends, printing each status it reaches.",
            discussion: """
                Polls the job every 2 seconds. Exit status: 0 when it completed, 1 when it failed or was canceled \
                (or ended NotResponding or Paused), or on errors.
                """)

        /// The workspace.
        @OptionGroup public var workspace: WorkspaceOptions

        /// The job.
        @Argument(help: "The job's name.")
        public var name: String

        /// Parsing only.
        public init() {}

        /// Waits, exits.
        public func run() async throws {
            try DeployCommand.Jobs.exit(with: await execute(DeployCommand.Jobs.processRuntime))
        }

        /// Polls the job until it is terminal, printing `NAME: STATUS` for its first status and each change, and
        /// the error or cancel reason at the end; returns 0 for `Completed`, 1 otherwise.
        public func execute(_ runtime: JobsRuntime) async -> Int32 {
            await runtime.run(workspace) { session in
                var last: String?
                while true {
                    let job = try await session.job(name)
                    if job.status != last {
                        runtime.console.out("\(name): \(job.status)\n")
                        last = job.status
                    }
                    if job.isTerminal {
                        if let message = job.runProperties["ErrorMessage"] {
                            let code = job.runProperties["ErrorCode"].map { "\($0): " } ?? ""
                            runtime.console.err("error: \(code)\(message)\n")
                        }
                        if let reason = job.runProperties["CancelReason"] {
                            runtime.console.err("canceled: \(reason)\n")
                        }
                        return job.status == "Completed" ? 0 : 1
                    }
                    if let error = session.nothingRuns(job) { throw error }
                    try await Task.sleep(for: .seconds(runtime.pollInterval))
                }
            }
        }
    }
}
