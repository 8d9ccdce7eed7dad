public import ArgumentParser
import DeployYAML

extension DeployCommand {
    /// `deploy validate PATH...`: checks that every manifest is well-formed YAML.
    public struct Validate: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check manifests for YAML errors without contacting a workspace.",
            discussion: """
                Each PATH is a manifest file or a directory, searched recursively for *.yml and *.yaml files. \
                Every problem is printed as path:line:column: error: message, followed by the offending line and \
                a caret. The exit status is 1 when any file has an error, 0 otherwise.
                """
        )

        /// The files and directories to check.
        @Argument(help: "Manifest files, or directories to search for *.yml and *.yaml files.")
        public var paths: [String]

        /// Parsing only.
        public init() {}

        /// Checks every file and prints the diagnostics.
        public func run() async throws {
            let report = ManifestValidator().validate(paths: paths)
            var standardError = StandardError()
            for diagnostic in report.diagnostics {
                print(diagnostic.rendered, to: &standardError)
            }
            if report.hasErrors {
                print(report.summary, to: &standardError)
                throw ExitCode.failure
            }
            print(report.summary)
        }
    }
}
