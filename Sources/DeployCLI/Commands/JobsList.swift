public import ArgumentParser
import AzureML
import WorkspaceClient

extension DeployCommand.Jobs {
    /// `deploy jobs list [--parent NAME] [--type command|sweep] [--all] [--output text|json]`.
    public struct List: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the jobs of the workspace, newest first.",
            discussion: """
                Without --parent or --all, sweep trials (jobs with a parent) and archived jobs are left out. Columns: \
                name, type, status, creation time, duration (from start to end, or so far), parent, experiment.
                """)

        /// Job types.
        public enum JobType: String, ExpressibleByArgument, CaseIterable, Sendable {
            case command
            case sweep
        }

        /// Output formats.
        public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
            case text
            case json
        }

        /// The workspace.
        @OptionGroup public var workspace: WorkspaceOptions

        /// Only the children of this job (a sweep's trials).
        @Option(name: .long, help: ArgumentHelp("Only the trials of this sweep job.", valueName: "name"))
        public var parent: String?

        /// Only jobs of this type.
        @Option(name: .long, help: "Only jobs of this type: command or sweep.")
        public var type: JobType?

        /// Include trials and archived jobs.
        @Flag(name: .long, help: "Include sweep trials and archived jobs.")
        public var all = false

        /// The output format.
        @Option(name: .long, help: "text or json.")
        public var output: Format = .text

        /// Parsing only.
        public init() {}

        /// Lists, prints, exits.
        public func run() async throws {
            try DeployCommand.Jobs.exit(with: await execute(DeployCommand.Jobs.processRuntime))
        }

        /// Lists the jobs and prints them; returns the exit status.
        public func execute(_ runtime: JobsRuntime) async -> Int32 {
            await runtime.run(workspace) { session in
                var query: [ARMRequest.QueryItem] = []
                if let type { query.append(ARMRequest.QueryItem("jobType", type == .command ? "Command" : "Sweep")) }
                if let parent { query.append(ARMRequest.QueryItem("parentJobName", parent)) }
                if all { query.append(ARMRequest.QueryItem("listViewType", "All")) }
                let resources = try await session.client.listResources(
                    "/jobs", apiVersion: APIVersion.jobs, query: query)
                // Filtered here too: a service may ignore a filter it does not know.
                let jobs = resources.map(JobRecord.init).filter { job in
                    if let type, job.type.lowercased() != type.rawValue { return false }
                    if let parent { return job.parentJobName == parent }
                    return all || (job.parentJobName == nil && !job.isArchived)
                }
                let listing = JobListing(jobs: jobs, now: runtime.now())
                switch output {
                case .text: runtime.console.out(listing.text)
                case .json: runtime.console.out(listing.json.serialized(.pretty) + "\n")
                }
                return 0
            }
        }
    }
}
