public import ArgumentParser
import AzureML
import WorkspaceClient

extension DeployCommand.Jobs {
    /// `deploy jobs cancel NAME`.
    public struct Cancel: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a job and wait until it has stopped.",
            discussion: """
                Sends POST .../jobs/NAME/cancel and follows the operation's Location until the cancel is done, then \
                prints the job's status. A job that has already ended is left as it is (exit status 0).
                """)

        /// The workspace.
        @OptionGroup public var workspace: WorkspaceOptions

        /// The job.
        @Argument(help: "The job's name.")
        public var name: String

        /// Parsing only.
        public init() {}

        /// Cancels, exits.
        public func run() async throws {
            try DeployCommand.Jobs.exit(with: await execute(DeployCommand.Jobs.processRuntime))
        }

        /// Cancels the job, waits for the cancel to finish, and prints the job's status; returns the exit status.
        public func execute(_ runtime: JobsRuntime) async -> Int32 {
            await runtime.run(workspace) { session in
                let before = try await session.job(name)
                guard !before.isTerminal else {
                    runtime.console.out("\(name): already \(before.status); nothing to cancel\n")
                    return 0
                }
                let request = ARMRequest(method: "POST", path: "/jobs/\(name)/cancel", apiVersion: APIVersion.jobs)
                let response = try await session.client.send(request)
                if response.status == 404 {
                    throw JobsCommandError("job '\(name)' does not exist in the \(session.target)")
                }
                guard response.isSuccess else {
                    let message = response.armError.map { "(\($0.error.code)) \($0.error.message)" } ?? "no message"
                    throw JobsCommandError("POST /jobs/\(name)/cancel answered HTTP \(response.status): \(message)")
                }
                runtime.console.err("Cancel requested for \(name); waiting for it to stop...\n")
                if type(of: session.client).isAsynchronous(response) {
                    _ = try await session.client.waitForOperation(
                        started: response, by: request,
                        polling: PollingOptions(
                            minimumInterval: min(1, runtime.pollInterval), defaultInterval: runtime.pollInterval))
                }
                let after = try await session.job(name)
                if after.status == "Canceled" {
                    let reason = after.runProperties["CancelReason"].map { " (\($0))" } ?? ""
                    runtime.console.out("\(name): Canceled\(reason)\n")
                } else {
                    runtime.console.out("\(name): \(after.status) (it ended before the cancel took effect)\n")
                }
                return 0
            }
        }
    }
}
