public import ArgumentParser

/// The options that choose the workspace: `--workspace` and `--token-file` (`deploy plan`, `deploy apply`,
/// `deploy jobs ...`).
public struct WorkspaceOptions: ParsableArguments, Sendable {
    /// The workspace.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "local, local:DIR, azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>, an ARM workspace "
                + "id, or an endpoint URL http(s)://host:port/subscriptions/... (default: from the environment, "
                + "config.json, or local).", valueName: "workspace"))
    public var workspace: String?

    /// The token of an endpoint URL's server.
    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp(
            "The bearer token of an endpoint URL's server: a file holding it, or the server's workspace folder "
                + "(default: DEPLOY_TOKEN).", valueName: "path"))
    public var tokenFile: String?

    /// Parsing only.
    public init() {}
}
