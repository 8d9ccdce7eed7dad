public import ArgumentParser

/// `deploy`: plan and apply Azure ML job and sweep manifests, with compiler-style diagnostics.
public struct DeployCommand: AsyncParsableCommand {
    /// The version `deploy --version` prints.
    public static let version = "0.1.0"

    /// The root command's name, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Plan and apply Azure Machine Learning job and sweep manifests.",
        discussion: """
            deploy reads Azure ML v2 CLI manifests (jobs, sweeps, environments, data and code assets) and \
            reports every problem as path:line:column diagnostics. `deploy plan` shows what applying them to a \
            workspace would do; applying comes with a later version.
            """,
        version: version,
        subcommands: [Validate.self, Render.self, Plan.self, Serve.self, Jobs.self]
    )

    /// Parsing only; `deploy` alone prints the help.
    public init() {}
}
