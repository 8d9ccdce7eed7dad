public import ArgumentParser
import AzureML
import Foundation
import LocalWorkspace

extension DeployCommand {
    /// `deploy serve`: runs the local workspace, an Azure ML-compatible workspace server on this machine.
    public struct Serve: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Run the local workspace: an Azure ML-compatible workspace server on this machine.",
            discussion: """
                Serves the Azure ML ARM REST API (environments, data, codes, datastores, computes, jobs) and an \
                Azure Blob subset for uploads, backed by SQLite in DIR. Prints the URL and the workspace id, writes \
                DIR/server.json (url, pid) so other deploy commands find the server, and stops cleanly on Ctrl-C \
                or SIGTERM. Every request needs the bearer token stored in DIR/credentials.json (mode 0600); it is \
                never printed.

                Command jobs run on this machine, at most a compute's max_instances at once (the number of cores \
                without a compute). Each environment with a conda file gets a Python virtual environment built \
                from its pip dependencies under DIR/envs and reused; --env-mode host runs every job with the \
                host's python3 instead. Job files and logs are under DIR/runs/<job>.
                """
        )

        /// The workspace directory.
        @Option(name: .long, help: ArgumentHelp("The workspace directory.", valueName: "dir"))
        public var dir: String = ".deploy"

        /// The address to listen on.
        @Option(name: .long, help: "The address to listen on; keep the loopback default unless you mean to share it.")
        public var host: String = "127.0.0.1"

        /// The port; 0 picks a free one.
        @Option(name: .long, help: "The port to listen on; 0 picks a free port.")
        public var port: Int = 0

        /// `build` or `host`.
        @Option(
            name: .long,
            help: ArgumentHelp(
                "How jobs get their Python: 'build' makes a virtual environment per conda file, 'host' uses the "
                    + "host's python3 for every job.", valueName: "mode"))
        public var envMode: String = EnvironmentMode.build.rawValue

        /// Parsing only.
        public init() {}

        /// Rejects ports outside 0...65535 and an empty host.
        public func validate() throws {
            guard (0...65_535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535, found \(port).")
            }
            guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
            guard !dir.isEmpty else { throw ValidationError("--dir must not be empty.") }
            guard EnvironmentMode(rawValue: envMode) != nil else {
                throw ValidationError("--env-mode must be 'build' or 'host', found '\(envMode)'.")
            }
        }

        /// Starts the server, reports where it listens, and serves until SIGINT or SIGTERM.
        public func run() async throws {
            var standardError = StandardError()
            if let running = ServerFile.running(in: dir) {
                print(
                    "error: a local workspace for \(dir) is already running at \(running.url) (pid \(running.pid))",
                    to: &standardError)
                throw ExitCode.failure
            }
            let server: RunningLocalWorkspace
            do {
                var options = LocalWorkspaceOptions()
                options.environmentMode = EnvironmentMode(rawValue: envMode) ?? .build
                server = try await LocalWorkspaceServer.start(directory: dir, host: host, port: port, options: options)
            } catch let error as LocalWorkspaceError {
                print("error: \(error)", to: &standardError)
                throw ExitCode.failure
            }
            Self.say(
                """
                Local workspace listening on \(server.url)
                Workspace: \(server.workspace.armID)
                Bearer token: stored in \(dir)/\("credentials.json") (never printed)
                Server file: \(dir)/\(ServerFile.fileName)
                Press Ctrl-C to stop.
                """)
            let signal = try await server.serveUntilSignalled()
            Self.say("Stopped (\(signal.map { "\($0)" } ?? "shutdown")).")
        }

        /// Writes a line to standard output at once, so a parent process reading a pipe sees it.
        private static func say(_ text: String) {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }
}
