public import ArgumentParser

extension DeployCommand.Jobs {
    /// `deploy jobs logs NAME [--follow]`.
    public struct Logs: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "logs",
            abstract: "Print a job's log (user_logs/std_log.txt); --follow streams it until the job ends.",
            discussion: """
                Reads the local workspace's log route. Azure ML workspaces: log streaming is not supported yet.
                """)

        /// The workspace.
        @OptionGroup public var workspace: WorkspaceOptions

        /// The job.
        @Argument(help: "The job's name.")
        public var name: String

        /// Keep reading until the job ends.
        @Flag(name: .shortAndLong, help: "Keep printing what the job writes until it has ended.")
        public var follow = false

        /// Parsing only.
        public init() {}

        /// Prints the log, exits.
        public func run() async throws {
            try DeployCommand.Jobs.exit(with: await execute(DeployCommand.Jobs.processRuntime))
        }

        /// Prints the log as it is read; returns the exit status (0 once the log was read, whatever the job's
        /// status; `deploy jobs wait` tells the status).
        public func execute(_ runtime: JobsRuntime) async -> Int32 {
            await runtime.run(workspace) { session in
                guard session.isLocal else {
                    throw JobsCommandError(
                        "log streaming from Azure ML workspaces is not supported yet; see the job's outputs and "
                            + "logs in Azure ML studio")
                }
                if follow, let error = session.nothingRuns(try await session.job(name)) { throw error }
                let reader = LogReader(client: session.client, name: name, interval: runtime.pollInterval)
                let status = try await reader.read(follow: follow, write: runtime.console.out)
                if follow { runtime.console.err("deploy: job \(name) ended: \(status)\n") }
                return 0
            }
        }
    }
}
