import ArgumentParser
import DeployCLI

/// The `deploy` executable: everything lives in `DeployCLI` so tests can drive the commands.
@main
struct Main {
    static func main() async {
        await DeployCommand.main(DeployCommand.resolvingDefaultSubcommand(Array(CommandLine.arguments.dropFirst())))
    }
}
