public import ArgumentParser
import AzureML
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation
public import LocalWorkspace
import WorkspaceClient

extension DeployCommand {
    /// `deploy plan [PATH...] [--set k=v]... [--workspace W] [--output text|json|markdown] [--out plan.json]
    /// [--detailed-exitcode] [--rerun]`: what applying the manifests to the workspace would do.
    public struct Plan: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what applying the manifests to the workspace would create, update or leave alone.",
            discussion: """
                Validates and translates the manifests, builds the resource graph (computes and environments, data, \
                code, jobs, and the references between manifests), reads the workspace's state with GET requests \
                only, and prints a plan: + create, ~ update, = unchanged, ! conflict, <= read (a pinned reference). \
                @latest references are pinned to a version. Jobs without a name are named after their content, so \
                an unchanged job is not submitted twice. Errors are printed as file:line:column diagnostics. Exit \
                status: 0 on success, 1 on errors or conflicts; with --detailed-exitcode, 2 when there are changes.
                """
        )

        /// Output formats.
        public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
            case text
            case json
            case markdown
        }

        /// The files and directories to plan.
        @Argument(help: "Manifest files, or directories to search for *.yml and *.yaml manifests (default: .).")
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

        /// The output format.
        @Option(name: .long, help: "text, json or markdown.")
        public var output: Format = .text

        /// Where to save the plan.
        @Option(
            name: .customLong("out"),
            help: ArgumentHelp(
                "Save the plan as JSON, with the fingerprints deploy apply checks, to this file.", valueName: "file"))
        public var out: String?

        /// Exit with 2 when there are changes.
        @Flag(name: .customLong("detailed-exitcode"), help: "Exit with 0 for no changes, 1 for errors, 2 for changes.")
        public var detailedExitCode = false

        /// Give jobs named after their content a new name.
        @Flag(name: .long, help: "Submit jobs named after their content again, under a new name.")
        public var rerun = false

        /// Parsing only.
        public init() {}

        /// Every `--set` must be `key.path=value`.
        public func validate() throws {
            _ = try parsedOverrides()
        }

        /// Plans, prints, and exits with the status the flags ask for.
        public func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let outcome = await execute(
                environment: environment, workingDirectory: FileManager.default.currentDirectoryPath,
                colors: Self.usesColors(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment))
            try outcome.emit()
        }

        /// Whether the text form is coloured: only on a terminal, and never when `NO_COLOR` is set to anything
        /// (https://no-color.org).
        public static func usesColors(isTerminal: Bool, environment: [String: String]) -> Bool {
            isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }

        /// What a run prints on each stream and its exit status. `runGit` runs git for the git properties and the
        /// commit recorded in fingerprints (default: in the working directory); `localOptions` tunes a local
        /// workspace server started in-process.
        public func execute(
            environment: [String: String], workingDirectory: String, colors: Bool = false,
            runGit: (([String]) -> String?)? = nil, localOptions: LocalWorkspaceOptions = LocalWorkspaceOptions()
        ) async -> CommandOutcome {
            var outcome = CommandOutcome()
            let selection: WorkspaceSelection
            do {
                selection = try WorkspaceSelector(environment: environment, workingDirectory: workingDirectory)
                    .select(flag: target.workspace)
            } catch {
                outcome.fail("error: \(error)\n")
                return outcome
            }
            let workspaceID = WorkspaceSession.workspaceID(of: selection)
            let preliminary = PlanWorkspace(
                id: workspaceID, target: selection.target.description, reason: selection.reason)

            let inputs = ManifestInputs.load(
                paths: paths, overrides: (try? parsedOverrides()) ?? [], workspace: workspaceID,
                environment: environment, workingDirectory: workingDirectory,
                runGit: runGit ?? GitRunner(directory: workingDirectory).run)
            guard inputs.errors.isEmpty else {
                report(
                    DeployPlan.Plan(
                        workspace: preliminary, deployVersion: DeployCommand.version, errors: inputs.errors,
                        warnings: inputs.warnings
                    ), colors: colors, into: &outcome)
                return outcome
            }

            let directory = workingDirectory
            do {
                let plan = try await WorkspaceSession.with(
                    selection, environment: environment, tokenFile: target.tokenFile, localOptions: localOptions
                ) { session in
                    let planner = Planner(
                        options: PlanOptions(
                            workspace: session.planWorkspace, deployVersion: DeployCommand.version,
                            sourceRevision: inputs.commit, rerun: rerun))
                    return await planner.plan(inputs.desired, files: inputs.files, service: session.client)
                }
                var withWarnings = plan
                withWarnings.warnings = inputs.warnings + plan.warnings
                report(withWarnings, colors: colors, into: &outcome)
                if let out, withWarnings.errors.isEmpty {
                    try Self.save(withWarnings, to: out, in: directory)
                    outcome.standardError += "Saved the plan to \(out).\n"
                }
            } catch {
                outcome.fail("error: \(error)\n")
            }
            return outcome
        }

        /// Prints the plan in the chosen format, its diagnostics on standard error, and sets the exit status.
        private func report(_ plan: DeployPlan.Plan, colors: Bool, into outcome: inout CommandOutcome) {
            let diagnostics = plan.errors + plan.warnings
            outcome.standardError += diagnostics.map { $0.rendered + "\n" }.joined()
            switch output {
            case .text:
                if plan.errors.isEmpty { outcome.standardOutput += PlanTextRenderer(colors: colors).render(plan) }
            case .json:
                outcome.standardOutput += plan.json().serialized(.pretty) + "\n"
            case .markdown:
                outcome.standardOutput += PlanMarkdownRenderer().render(plan)
            }
            let conflicts = plan.summary.conflicts
            if !plan.errors.isEmpty {
                let count = plan.errors.count
                outcome.standardError += "Planning failed: \(count) \(count == 1 ? "error" : "errors").\n"
                outcome.exitCode = 1
            } else if conflicts > 0 {
                outcome.standardError +=
                    "error: \(conflicts) \(conflicts == 1 ? "conflict" : "conflicts"); the plan cannot be applied "
                    + "until \(conflicts == 1 ? "it is" : "they are") resolved\n"
                outcome.exitCode = 1
            } else if detailedExitCode, plan.hasChanges {
                outcome.exitCode = 2
            }
        }

        /// Writes the saved plan atomically.
        static func save(_ plan: DeployPlan.Plan, to path: String, in directory: String) throws {
            let target = path.hasPrefix("/") ? path : directory + "/" + path
            let data = Data((plan.json(includingFingerprints: true).serialized(.pretty) + "\n").utf8)
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        }

        /// A manifest whose path is relative to `directory` made absolute, for file fingerprints.
        static func absolute(_ manifest: LoadedManifest, in directory: String) -> LoadedManifest {
            var copy = manifest
            if !copy.path.hasPrefix("/") { copy.path = directory + "/" + copy.path }
            return copy
        }

        private func parsedOverrides() throws -> [ManifestOverride] {
            do {
                return try overrides.map { argument throws(ManifestError) in try ManifestOverride(argument) }
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
