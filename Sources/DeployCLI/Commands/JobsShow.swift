public import ArgumentParser
import AzureML
import WorkspaceClient

extension DeployCommand.Jobs {
    /// `deploy jobs show NAME [--output text|json]`.
    public struct Show: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a job: status, times, compute, parameters, metrics, outputs, log, errors.",
            discussion: """
                Metrics (last, min and max of each) are read from the local workspace's MLflow tracking API; for a \
                sweep, its trials are listed best first by the objective's last value, with the best trial (as \
                the sweep recorded it, else computed).
                """)

        /// Output formats.
        public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
            case text
            case json
        }

        /// The workspace.
        @OptionGroup public var workspace: WorkspaceOptions

        /// The job.
        @Argument(help: "The job's name.")
        public var name: String

        /// The output format.
        @Option(name: .long, help: "text or json.")
        public var output: Format = .text

        /// Parsing only.
        public init() {}

        /// Shows, exits.
        public func run() async throws {
            try DeployCommand.Jobs.exit(with: await execute(DeployCommand.Jobs.processRuntime))
        }

        /// Reads the job (its metrics, its trials) and prints it; returns the exit status.
        public func execute(_ runtime: JobsRuntime) async -> Int32 {
            await runtime.run(workspace) { session in
                let job = try await session.job(name)
                var details = JobDetails(job: job, now: runtime.now())
                if !session.isLocal {
                    details.metricsNote = "not shown: reading metrics from Azure ML is not supported yet"
                } else if let runID = job.mlflowRunID {
                    details.metrics = try await JobMetricsReader(client: session.client).summaries(runID: runID) ?? []
                } else if !job.isSweep {
                    // A sweep reports through its trials' runs; it has none of its own.
                    details.metricsNote = "none yet (the job has no MLflow run)"
                }
                if job.isSweep, let objective = job.objective {
                    details.trials = try await Self.trials(of: job, objective: objective, session: session)
                }
                switch output {
                case .text: runtime.console.out(details.text)
                case .json: runtime.console.out(details.json.serialized(.pretty) + "\n")
                }
                return 0
            }
        }

        /// The sweep's trials with their objective values.
        static func trials(of sweep: JobRecord, objective: Objective, session: JobsSession) async throws
            -> SweepTrials
        {
            let resources = try await session.client.listResources(
                "/jobs", apiVersion: APIVersion.jobs,
                query: [
                    ARMRequest.QueryItem("parentJobName", sweep.name), ARMRequest.QueryItem("listViewType", "All"),
                ])
            let reader = JobMetricsReader(client: session.client)
            var trials: [SweepTrials.Trial] = []
            for job in resources.map(JobRecord.init) where job.parentJobName == sweep.name {
                var value: Double?
                if session.isLocal, let runID = job.mlflowRunID {
                    value = try await reader.latest(runID: runID)?[objective.primaryMetric]
                }
                trials.append(SweepTrials.Trial(job: job, objective: value))
            }
            return SweepTrials(sweep: sweep, objective: objective, trials: trials)
        }
    }
}
