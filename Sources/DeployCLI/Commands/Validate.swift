public import ArgumentParser
import DeployManifest
import DeployYAML

extension DeployCommand {
    /// `deploy validate [--set k=v]... [--output text|json] PATH...`: checks manifests against the v2 schema.
    public struct Validate: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check manifests against the Azure ML v2 schema without contacting a workspace.",
            discussion: """
                Each PATH is a manifest file or a directory, searched recursively for *.yml and *.yaml manifests \
                (YAML files a manifest references, such as conda files, are not read as manifests; other YAML files \
                that are not manifests are skipped with a warning). Every problem is printed as \
                path:line:column: error|warning: message, followed by the offending line and a caret. The exit \
                status is 1 when any file has an error, 0 otherwise; warnings do not fail.
                """
        )

        /// The output format.
        public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            /// Compiler-style diagnostics on standard error, a summary line.
            case text
            /// One JSON document on standard output.
            case json
        }

        /// `--set path=value` overrides, applied to every manifest before validation.
        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "Override a manifest value before validation, as az ml does (repeatable).",
                valueName: "key.path=value"))
        public var overrides: [String] = []

        /// `--output text|json`.
        @Option(name: .long, help: "Output format: text or json.")
        public var output: OutputFormat = .text

        /// The files and directories to check.
        @Argument(help: "Manifest files, or directories to search for *.yml and *.yaml manifests.")
        public var paths: [String]

        /// Parsing only.
        public init() {}

        /// Every `--set` must be `key.path=value`.
        public func validate() throws {
            _ = try parsedOverrides()
        }

        /// Checks every file and prints the diagnostics.
        public func run() async throws {
            let outcome = try execute()
            try CommandOutcome(
                standardOutput: outcome.standardOutput, standardError: outcome.standardError,
                exitCode: outcome.failed ? 1 : 0
            ).emit()
        }

        /// What a run prints on each stream, and whether it fails; `run()` is this plus the printing.
        public func execute() throws -> (standardOutput: String, standardError: String, failed: Bool) {
            let loader = ManifestLoader(overrides: try parsedOverrides())
            let report = ManifestValidator(loader: loader).validate(paths: paths)
            switch output {
            case .json:
                return (report.json, "", report.hasErrors)
            case .text:
                let diagnostics = report.diagnostics.map { $0.rendered + "\n" }.joined()
                if report.hasErrors { return ("", diagnostics + report.summary + "\n", true) }
                return (report.summary + "\n", diagnostics, false)
            }
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
