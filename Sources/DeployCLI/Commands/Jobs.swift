public import ArgumentParser
import Foundation

extension DeployCommand {
    /// `deploy jobs list|show|logs|cancel|wait`: the jobs of a workspace, through its REST API.
    public struct Jobs: AsyncParsableCommand {
        /// The group's name, help and subcommands.
        public static let configuration = CommandConfiguration(
            commandName: "jobs",
            abstract: "List, inspect, follow, cancel and wait for the jobs of a workspace.",
            discussion: """
                Works on the workspace `deploy plan` would use (--workspace, the environment, config.json, or the \
                local workspace in ./.deploy). A local workspace without a running `deploy serve` is opened \
                in-process: jobs a stopped server left in progress are marked Failed, and nothing is run. Logs and \
                metrics are read from local workspaces only.
                """,
            subcommands: [List.self, Show.self, Logs.self, Cancel.self, Wait.self]
        )

        /// Parsing only.
        public init() {}

        /// Ends the process with `status` (through ArgumentParser's `ExitCode`) unless it is 0.
        static func exit(with status: Int32) throws {
            if status != 0 { throw ExitCode(status) }
        }

        /// The runtime of a command run from the shell.
        static var processRuntime: JobsRuntime {
            JobsRuntime(
                environment: ProcessInfo.processInfo.environment,
                workingDirectory: FileManager.default.currentDirectoryPath)
        }
    }
}
