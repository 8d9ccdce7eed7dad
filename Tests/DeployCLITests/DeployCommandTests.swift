import ArgumentParser
import Foundation
import Testing

@testable import DeployCLI

@Suite struct DeployCommandTests {
    @Test func parsesValidateWithPaths() throws {
        let command = try DeployCommand.parseAsRoot(["validate", "a.yaml", "manifests/"])
        let validate = try #require(command as? DeployCommand.Validate)
        #expect(validate.paths == ["a.yaml", "manifests/"])
    }

    @Test func validateNeedsAPath() {
        #expect(throws: (any Error).self) { try DeployCommand.parseAsRoot(["validate"]) }
        do {
            _ = try DeployCommand.parseAsRoot(["validate"])
        } catch {
            #expect(DeployCommand.message(for: error) == "Missing expected argument '<paths> ...'")
            #expect(DeployCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func rootConfiguration() {
        #expect(DeployCommand.configuration.commandName == "deploy")
        #expect(DeployCommand.configuration.version == DeployCommand.version)
        #expect(
            DeployCommand.configuration.subcommands.map { $0.configuration.commandName } == [
                "validate", "render", "plan", "serve", "jobs",
            ])
    }

    @Test func helpListsSubcommands() {
        let help = DeployCommand.helpMessage(columns: 100)
        #expect(help.contains("USAGE: deploy <subcommand>"))
        #expect(help.contains("validate"))
        #expect(DeployCommand.helpMessage(for: DeployCommand.Validate.self, columns: 100).contains("<paths> ..."))
    }
}
