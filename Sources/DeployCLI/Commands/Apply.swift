public import ArgumentParser
import AzureML
import DeployApply
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation
public import LocalWorkspace
import WorkspaceClient

extension DeployCommand {
    /// `deploy apply [PATH...|plan.json] [--set k=v]... [--workspace W] [--yes] [--parallelism N]
    /// [--output text|json] [--wait|--no-wait] [--rerun]`, also `deploy PATH...`: plans (or loads a saved plan and
    /// proves it current), prints the plan, asks for confirmation against a remote workspace, and applies it.
    public struct Apply: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Plan the manifests and apply the plan to the workspace (the default command: deploy PATH...).",
            discussion: """
                Plans as deploy plan does and prints the plan, then applies it: uploads code snapshots and local \
                data, and PUTs every resource in dependency order, independent ones in parallel. Requests are \
                retried on 408, 429, 5xx and connection failures, honouring Retry-After. Against a remote workspace \
                it asks for confirmation on a terminal, and refuses to run without --yes elsewhere; against the \
                local workspace it does not ask. Given a saved plan (deploy plan --out plan.json), it applies that \
                plan after checking that neither the workspace nor any file changed since it was made ("stale \
                plan" otherwise). A failed change stops the apply: changes running finish, nothing new starts, and \
                the summary lists what was applied, what failed and what was not attempted; running the same \
                command again finishes the job without repeating what was done. With the local workspace it then \
                waits for the jobs it submitted, streaming their logs, and prints how each ended (--no-wait returns \
                at once, which needs a running deploy serve); against Azure ML it waits only with --wait. Exit \
                status: 0 when everything was applied (and every job waited for completed); 1 otherwise; 64 for \
                usage errors.
                """
        )

        /// Output formats.
        public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
            case text
            case json
        }

        /// The files and directories to apply, or one saved plan.
        @Argument(
            help: ArgumentHelp(
                "Manifest files, or directories to search for *.yml and *.yaml manifests (default: .); or one plan "
                    + "saved by deploy plan --out.", valueName: "path"))
        public var paths: [String] = []

        /// `--set path=value` overrides.
        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "Override a manifest value before validation, as az ml does (repeatable).",
                valueName: "key.path=value"))
        public var overrides: [String] = []

        /// `--workspace` and `--token-file`.
        @OptionGroup public var target: WorkspaceOptions

        /// Apply without asking.
        @Flag(name: [.customShort("y"), .long], help: "Apply without asking for confirmation.")
        public var yes = false

        /// Changes applied at once.
        @Option(name: .long, help: "How many changes to apply at once.")
        public var parallelism = ApplyOptions.defaultParallelism

        /// The output format.
        @Option(name: .long, help: "text, or json (one document on standard output when done).")
        public var output: Format = .text

        /// Wait for submitted jobs.
        @Flag(
            inversion: .prefixedNo,
            help: ArgumentHelp(
                "Wait until every submitted job has finished, printing its status changes (and, from the local "
                    + "workspace, its log); fail unless all completed (default: --wait for the local workspace, "
                    + "--no-wait for Azure ML). --no-wait with the local workspace needs a running deploy serve."))
        public var wait: Bool?

        /// The longest wait.
        @Option(
            name: .customLong("wait-timeout"),
            help: ArgumentHelp("Stop waiting after this many seconds (default: no limit).", valueName: "seconds"))
        public var waitTimeout: Double?

        /// The interval between polls of waited-for jobs.
        @Option(
            name: .customLong("poll-interval"),
            help: ArgumentHelp(
                "Seconds between status polls of waited-for jobs (default: 1 locally, 10 remotely).",
                valueName: "seconds"))
        public var pollInterval: Double?

        /// Give jobs named after their content a new name.
        @Flag(name: .long, help: "Submit jobs named after their content again, under a new name.")
        public var rerun = false

        /// Attempts per request.
        @Option(
            name: .customLong("max-attempts"),
            help: "Attempts per request before giving up (retrying 408, 429, 5xx and connection failures).")
        public var maxAttempts = RetryPolicy.standard.maxAttempts

        /// The longest time per request.
        @Option(
            name: .customLong("request-timeout"),
            help: ArgumentHelp(
                "The longest one request may take, all attempts and waits included.", valueName: "seconds"))
        public var requestTimeout = RetryPolicy.standard.maxTotalSeconds

        /// Parsing only.
        public init() {}

        /// The saved plan among the paths: a single argument naming a `.json` file.
        var savedPlanPath: String? {
            guard paths.count == 1, let path = paths.first, path.lowercased().hasSuffix(".json") else { return nil }
            return path
        }

        /// Checks the numbers, the overrides, that a saved plan comes alone and without manifest options, and that
        /// every path exists.
        public func validate() throws {
            guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
            guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
            if let waitTimeout, waitTimeout <= 0 { throw ValidationError("--wait-timeout must be positive") }
            if let pollInterval, pollInterval <= 0 { throw ValidationError("--poll-interval must be positive") }
            _ = try parsedOverrides()
            if paths.count > 1, paths.contains(where: { $0.lowercased().hasSuffix(".json") }) {
                throw ValidationError("a saved plan is applied on its own, without other paths")
            }
            if savedPlanPath != nil, !overrides.isEmpty || rerun {
                throw ValidationError(
                    "--set and --rerun change what is planned; a saved plan is applied as it was made")
            }
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("\(path): no such file or directory")
            }
        }

        /// Applies, printing as it goes, and exits with the status of the run.
        public func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let status = await execute(
                environment: environment, workingDirectory: FileManager.default.currentDirectoryPath,
                console: .process(environment: environment))
            if status != 0 { throw ExitCode(status) }
        }

        /// Runs the command against the workspace the flags and `environment` select, writing to `console`, and
        /// returns the exit status. `runGit` runs git for the git properties (default: in the working directory);
        /// `localOptions` tunes a local workspace server started in-process.
        public func execute(
            environment: [String: String], workingDirectory: String, console: ApplyConsole,
            runGit: (@Sendable ([String]) -> String?)? = nil,
            localOptions: LocalWorkspaceOptions = LocalWorkspaceOptions()
        ) async -> Int32 {
            var run = ApplyRun(command: self, console: console)
            let selection: WorkspaceSelection
            do {
                selection = try WorkspaceSelector(environment: environment, workingDirectory: workingDirectory)
                    .select(flag: target.workspace)
            } catch {
                return run.fail(.error, "error: \(error)")
            }
            let workspaceID = WorkspaceSession.workspaceID(of: selection)

            var savedPlan: DeployPlan.Plan?
            var inputs = ManifestInputs()
            if let savedPlanPath {
                do {
                    savedPlan = try Self.readPlan(savedPlanPath, in: workingDirectory)
                } catch {
                    return run.fail(.planFailed, "error: \(savedPlanPath): \(error)")
                }
            } else {
                let git = runGit ?? { arguments in GitRunner(directory: workingDirectory).run(arguments) }
                inputs = ManifestInputs.load(
                    paths: paths, overrides: (try? parsedOverrides()) ?? [], workspace: workspaceID,
                    environment: environment, workingDirectory: workingDirectory, runGit: git)
                run.diagnostics(inputs.errors + inputs.warnings)
                if !inputs.errors.isEmpty {
                    let preliminary = PlanWorkspace(
                        id: workspaceID, target: selection.target.description, reason: selection.reason)
                    return run.planFailed(
                        DeployPlan.Plan(
                            workspace: preliminary, deployVersion: DeployCommand.version, errors: inputs.errors,
                            warnings: inputs.warnings))
                }
            }

            var configuration = ARMClient.Configuration()
            configuration.retryPolicy = RetryPolicy(
                maxAttempts: maxAttempts, maxTotalSeconds: requestTimeout, baseDelay: RetryPolicy.standard.baseDelay,
                maxDelay: RetryPolicy.standard.maxDelay)
            configuration.requestTimeout = min(configuration.requestTimeout, requestTimeout)
            configuration.onRetry = { notice in console.standardError("  retrying \(notice)\n") }
            let inputsToPlan = inputs
            let planned = savedPlan
            do {
                return try await WorkspaceSession.with(
                    selection, environment: environment, tokenFile: target.tokenFile, localOptions: localOptions,
                    configuration: configuration, connectionsPerHost: parallelism * 2
                ) { session in
                    var run = run
                    let plan: DeployPlan.Plan
                    if let planned {
                        let stale = await PlanFreshness.check(
                            planned, service: session.client, deployVersion: DeployCommand.version)
                        if !stale.isEmpty {
                            return run.stale(stale.map(\.description), plan: planned, path: savedPlanPath ?? "")
                        }
                        plan = planned
                        run.diagnostics(plan.warnings)
                    } else {
                        let planner = Planner(
                            options: PlanOptions(
                                workspace: session.planWorkspace, deployVersion: DeployCommand.version,
                                sourceRevision: inputsToPlan.commit, rerun: rerun))
                        var fresh = await planner.plan(
                            inputsToPlan.desired, files: inputsToPlan.files, service: session.client)
                        fresh.warnings = inputsToPlan.warnings + fresh.warnings
                        run.diagnostics(fresh.errors + fresh.warnings.filter { !inputsToPlan.warnings.contains($0) })
                        plan = fresh
                    }
                    return await run.apply(
                        plan, session: session, runsJobs: session.inProcess ? localOptions.runsJobs : true)
                }
            } catch {
                return run.fail(.error, "error: \(error)")
            }
        }

        /// Whether `target` is on this machine: a local workspace, or an endpoint on the loopback address.
        static func isLocal(_ target: WorkspaceTarget) -> Bool {
            switch target {
            case .local: return true
            case .azure: return false
            case .endpoint(let url, _):
                let afterScheme = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
                var host = String(afterScheme)
                if host.hasPrefix("[") {
                    host = String(host.dropFirst().prefix { $0 != "]" })
                } else if let colon = host.lastIndex(of: ":") {
                    host = String(host[..<colon])
                }
                return host == "localhost" || host == "::1" || host.hasPrefix("127.")
            }
        }

        /// Reads a plan saved by `deploy plan --out`.
        static func readPlan(_ path: String, in directory: String) throws -> DeployPlan.Plan {
            let absolute = path.hasPrefix("/") ? path : directory + "/" + path
            guard let data = FileManager.default.contents(atPath: absolute) else {
                throw ApplyError.io(path, "cannot read the saved plan")
            }
            return try DeployPlan.Plan(json: try JSONValue(parsing: Array(data)))
        }

        func parsedOverrides() throws -> [ManifestOverride] {
            do {
                return try overrides.map { argument throws(ManifestError) in try ManifestOverride(argument) }
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
