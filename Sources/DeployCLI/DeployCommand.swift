public import ArgumentParser

/// `deploy`: plan and apply Azure ML job and sweep manifests, with compiler-style diagnostics.
public struct DeployCommand: AsyncParsableCommand {
    /// The version `deploy --version` prints.
    public static let version = "0.1.0"

    /// The root command's name, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Plan and apply Azure Machine Learning job and sweep manifests.",
        usage: """
            deploy <subcommand>
              deploy PATH... [apply options]     (short for deploy apply PATH...)
            """,
        discussion: """
            deploy reads Azure ML v2 CLI manifests (jobs, sweeps, environments, data and code assets) and \
            reports every problem as path:line:column diagnostics. `deploy plan` shows what applying them to a \
            workspace would do, and `deploy apply` (or just `deploy PATH...`) does it.
            """,
        version: version,
        subcommands: [Apply.self, Validate.self, Render.self, Plan.self, Serve.self, Jobs.self]
    )

    /// Parsing only; `deploy` alone prints the help.
    public init() {}

    /// The arguments with `apply` inserted when the first one names neither a subcommand nor one of the root's own
    /// options (`--help`, `-h`, `--version`, `help`), so `deploy manifests/` applies; no arguments stay none, which
    /// prints the help.
    public static func resolvingDefaultSubcommand(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        let names = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        let rootOptions: Set<String> = [
            "-h", "--help", "--version", "--experimental-dump-help",
            "--generate-completion-script",
        ]
        if names.contains(first) || rootOptions.contains(where: { first == $0 || first.hasPrefix($0 + "=") }) {
            return arguments
        }
        return ["apply"] + arguments
    }
}
