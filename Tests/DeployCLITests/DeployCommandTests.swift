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
                "apply", "validate", "render", "plan", "serve", "jobs",
            ])
    }

    @Test func aPathAsFirstArgumentMeansApply() throws {
        #expect(DeployCommand.resolvingDefaultSubcommand(["manifests/"]) == ["apply", "manifests/"])
        #expect(
            DeployCommand.resolvingDefaultSubcommand(["--yes", "manifests/lightgbm.yaml"]) == [
                "apply", "--yes", "manifests/lightgbm.yaml",
            ])
        for unchanged in [[], ["--help"], ["-h"], ["--version"], ["help", "plan"], ["plan", "x"], ["apply", "x"]] {
            #expect(DeployCommand.resolvingDefaultSubcommand(unchanged) == unchanged)
        }
        let apply = try #require(
            try DeployCommand.parseAsRoot(DeployCommand.resolvingDefaultSubcommand(["Package.swift", "--yes"]))
                as? DeployCommand.Apply)
        #expect(apply.paths == ["Package.swift"])
        #expect(apply.yes)
    }

    @Test func helpListsSubcommands() {
        let help = DeployCommand.helpMessage(columns: 100)
        #expect(help.contains("USAGE: deploy <subcommand>"))
        #expect(help.contains("validate"))
        #expect(help.contains("deploy PATH... [apply options]"))
        #expect(DeployCommand.helpMessage(for: DeployCommand.Validate.self, columns: 100).contains("<paths> ..."))
    }
}
