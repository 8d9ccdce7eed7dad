import ArgumentParser
import AzureML
import DeployApply
import DeployPlan
import DeployTestSupport
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

@testable import DeployCLI

@Suite struct ApplyCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "deploy-apply-cli-\(UUID().uuidString)"
    )
    .resolvingSymlinksInPath()
    static let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
    static let runner = LocalWorkspaceOptions(
        provisioningDelay: 0.05, pollInterval: 0.05, environmentMode: .host, stopGracePeriod: 1)
    static let environment = "name: tiny\nversion: 1\nimage: python:3.11\n"

    var root: String { directory.path }
    var workspace: String { root + "/ws" }

    func write(_ files: [String: String]) throws {
        try TemporaryFiles.write(files, under: directory)
    }

    /// Runs `deploy <arguments>` (`apply` when the first argument is not a subcommand) in the test folder.
    func deploy(
        _ arguments: [String], console: RecordingConsole = RecordingConsole(),
        localOptions: LocalWorkspaceOptions = Self.options
    ) async throws -> Int32 {
        let parsed = try DeployCommand.parseAsRoot(DeployCommand.resolvingDefaultSubcommand(arguments))
        let command = try #require(parsed as? DeployCommand.Apply)
        return await command.execute(
            environment: [:], workingDirectory: root, console: console.console, runGit: { _ in nil },
            localOptions: localOptions)
    }

    /// A local workspace server on 127.0.0.1:0 in `ws/`, as `deploy serve` runs one, with a `FaultProxy` in front
    /// that records the requests; `body` gets the `--workspace` and `--token-file` arguments that reach it.
    func withServer<T: Sendable>(
        options: LocalWorkspaceOptions = Self.options, _ body: ([String], FaultProxy) async throws -> T
    ) async throws -> T {
        let server = try await LocalWorkspaceServer.start(directory: workspace, options: options)
        let proxy: FaultProxy
        do {
            proxy = try await FaultProxy.start(upstream: server.url)
        } catch {
            try? await server.shutdown()
            throw error
        }
        do {
            let result = try await body(
                ["--workspace", proxy.url + server.workspace.armID, "--token-file", workspace], proxy)
            try await proxy.shutdown()
            try await server.shutdown()
            return result
        } catch {
            try? await proxy.shutdown()
            try? await server.shutdown()
            throw error
        }
    }

    func copyRepositoryManifests() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("manifests").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: root + "/manifests")
    }

    static func writes(_ entries: [FaultProxy.Entry]) -> [String] {
        entries.filter { $0.method != "GET" && $0.method != "HEAD" }.map { "\($0.method) \($0.path)" }
    }

    @Test func appliesTheExamplesThenFindsNothingToDoAndSendsNoWrites() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try copyRepositoryManifests()
        try await withServer { workspaceArguments, proxy in
            let first = RecordingConsole()
            #expect(try await deploy([root + "/manifests"] + workspaceArguments + ["--no-wait"], console: first) == 0)
            #expect(
                first.standardOutput.contains("Plan: 5 to create, 0 to update, 0 unchanged, 0 conflicts."),
                "\(first.standardOutput)")
            let finished = first.standardError.split(separator: "\n").filter { $0.hasPrefix("✓ ") }
            #expect(finished.count == 5, "\(first.standardError)")
            #expect(finished.contains { $0.hasPrefix("✓ environment ") && $0.contains(" created (") })
            #expect(finished.contains { $0.hasPrefix("✓ job ") && $0.contains(" submitted (") })
            #expect(first.standardError.contains("Apply complete: 5 created, 0 updated, 0 failed, 0 not attempted"))
            #expect(!first.standardError.contains("Waiting"))
            #expect(!Self.writes(proxy.entries).isEmpty)

            let before = proxy.entries.count
            let second = RecordingConsole()
            #expect(
                try await deploy([root + "/manifests"] + workspaceArguments + ["--output", "json"], console: second)
                    == 0)
            #expect(Self.writes(Array(proxy.entries[before...])) == [])
            #expect(second.standardError == "")
            let document = try JSONValue(parsing: Array(second.standardOutput.utf8))
            #expect(document["status"]?.stringValue == "no_changes")
            #expect(document["apply"] == .null)
        }
    }

    @Test func aStaleSavedPlanIsRefusedListingWhatChangedAndAFreshOneApplies() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["env.yml": Self.environment])
        let arguments = ["--workspace", "local:" + workspace]
        let plan = try #require(
            try DeployCommand.parseAsRoot(["plan", root + "/env.yml", "--out", root + "/plan.json"] + arguments)
                as? DeployCommand.Plan)
        let planned = await plan.execute(
            environment: [:], workingDirectory: root, runGit: { _ in nil }, localOptions: Self.options)
        #expect(planned.exitCode == 0)
        try write(["env.yml": "name: tiny\nversion: 1\nimage: python:3.12\n"])

        let stale = RecordingConsole()
        #expect(try await deploy(["apply", root + "/plan.json"] + arguments, console: stale) == 1)
        #expect(stale.standardOutput == "")
        #expect(
            stale.standardError == """
                error: stale plan: \(root)/plan.json was made before these changes:
                  - \(root)/env.yml changed
                Nothing was applied. Run deploy plan again, or deploy apply with the manifests.

                """)

        _ = await plan.execute(
            environment: [:], workingDirectory: root, runGit: { _ in nil }, localOptions: Self.options)
        let fresh = RecordingConsole()
        #expect(try await deploy([root + "/plan.json"] + arguments, console: fresh) == 0)
        #expect(fresh.standardError.hasPrefix("✓ environment tiny:1 created ("), "\(fresh.standardError)")
        #expect(
            fresh.standardError.hasSuffix(
                "Apply complete: 1 created, 0 updated, 0 failed, 0 not attempted"
                    + fresh.standardError.split(separator: "attempted").last.map(String.init)!))
    }

    @Test func planErrorsExitWith1BeforeAnythingIsWritten() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["job.yml": "name: j\ncommand: ls\nenvironment: azureml:missing:1\n"])
        try await withServer { workspaceArguments, proxy in
            let console = RecordingConsole()
            let status = try await deploy([root + "/job.yml"] + workspaceArguments, console: console)
            #expect(status == 1)
            #expect(console.standardError.hasSuffix("Planning failed: 1 error; nothing was applied.\n"))
            #expect(
                console.standardError.contains("job.yml:3:14: error: `azureml:missing:1` names environment missing:1"))
            #expect(Self.writes(proxy.entries) == [])
        }
    }

    @Test func usageErrorsAreRefusedWhenParsing() throws {
        #expect(throws: (any Error).self) { try DeployCommand.parseAsRoot(["apply", "--parallelism", "0"]) }
        #expect(throws: (any Error).self) { try DeployCommand.parseAsRoot(["apply", "a.json", "b.yml"]) }
        let parsed = try DeployCommand.parseAsRoot(["apply"])
        let apply = try #require(parsed as? DeployCommand.Apply)
        #expect(apply.parallelism == 8)
        #expect(apply.maxAttempts == 6)
        #expect(apply.requestTimeout == 120)
        #expect(apply.wait == nil)
    }

    @Test func aRemoteWorkspaceAsksForConfirmationOnATerminalAndRefusesElsewhereWithoutYes() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["env.yml": Self.environment])
        let server = try await LocalWorkspaceServer.start(directory: workspace, options: Self.options)
        var configuration = ARMClient.Configuration()
        configuration.baseURL = server.url
        let client = try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
            configuration: configuration)
        defer {
            Task {
                try? await client.shutdown()
                try? await server.shutdown()
            }
        }
        // The local server stands in for Azure: the session says the target is an Azure workspace.
        let session = WorkspaceSession(
            selection: WorkspaceSelection(target: .azure(server.workspace), reason: "from the test"), client: client,
            reason: "from the test")
        let inputs = ManifestInputs.load(
            paths: [root + "/env.yml"], overrides: [], workspace: server.workspace, environment: [:],
            workingDirectory: root, runGit: { _ in nil })
        let plan = await Planner(
            options: PlanOptions(workspace: session.planWorkspace, deployVersion: DeployCommand.version)
        ).plan(inputs.desired, files: inputs.files, service: client)
        let target = "Azure ML workspace \(server.workspace.uri)"

        func run(_ arguments: [String], _ console: RecordingConsole) async throws -> Int32 {
            let command = try #require(try DeployCommand.parseAsRoot(["apply"] + arguments) as? DeployCommand.Apply)
            var run = ApplyRun(command: command, console: console.console)
            return await run.apply(plan, session: session, runsJobs: false)
        }
        let piped = RecordingConsole(answer: "yes")
        #expect(try await run([], piped) == 1)
        #expect(
            piped.standardError == "error: refusing to apply to \(target) without confirmation: standard input is "
                + "not a terminal. Pass --yes to apply without asking.\n")
        let refused = RecordingConsole(answer: "y", isInteractive: true)
        #expect(try await run([], refused) == 1)
        #expect(
            refused.standardError == "Apply these changes to \(target)? Only 'yes' is accepted: "
                + "Apply cancelled: nothing was changed.\n")
        #expect(
            try await client.getResource("/environments/tiny/versions/1", apiVersion: APIVersion.environments) == nil)

        let json = RecordingConsole(answer: "no", isInteractive: true)
        #expect(try await run(["--yes", "--output", "json"], json) == 0)
        let document = try JSONValue(parsing: Array(json.standardOutput.utf8))
        #expect(document["status"]?.stringValue == "applied")
        #expect(document["apply"]?["summary"]?["created"] == .int(1))
        #expect(document["jobs"] == .null)
        #expect(
            try await client.getResource("/environments/tiny/versions/1", apiVersion: APIVersion.environments) != nil)
    }

    @Test func noWaitWithAnInProcessWorkspaceThatRunsJobsNeedsDeployServe() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "env.yml": Self.environment, "job.yml": "name: hello\ncommand: echo hello\nenvironment: azureml:tiny:1\n",
        ])
        let console = RecordingConsole()
        let status = try await deploy(
            [root, "--workspace", "local:" + workspace, "--no-wait"], console: console, localOptions: Self.runner)
        #expect(status == 1)
        #expect(
            console.standardError.hasSuffix(
                "error: --no-wait needs a running deploy serve: the local workspace was started in this process and "
                    + "stops when the command ends, and its jobs with it. Start deploy serve in another terminal, or "
                    + "leave out --no-wait.\n"))
        #expect(!console.standardError.contains("✓"))
    }

    @Test func waitsForTheJobItSubmittedStreamingItsLog() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "env.yml": Self.environment,
            "job.yml": "name: hello\ncommand: echo hello; sleep 1; echo world\nenvironment: azureml:tiny:1\n",
        ])
        let console = RecordingConsole()
        let status = try await deploy(
            [root, "--workspace", "local:" + workspace, "--poll-interval", "0.2"], console: console,
            localOptions: Self.runner)
        #expect(status == 0, "\(console.standardError)")
        let lines = console.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let hello = try #require(lines.firstIndex(of: "hello"), "\(console.standardOutput)")
        #expect(lines[hello + 1] == "world")
        #expect(console.standardError.contains("Waiting for job hello to finish:\n"))
        #expect(console.standardError.contains("  job hello: Running\n"))
        #expect(console.standardError.hasSuffix("  job hello: Completed\njob hello: Completed\nJobs: 1 completed.\n"))
    }

    @Test func theFinalLineOfAJobShowsTheLatestValueOfEachMetricItLogged() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "env.yml": Self.environment, "metrics.py": JobsHarness.metricsScript,
            "job.yml": "name: scored\ncommand: python3 \(root)/metrics.py loss 0.9 0.25 accuracy 0.75\n"
                + "environment: azureml:tiny:1\n",
        ])
        let console = RecordingConsole()
        let status = try await deploy(
            [root, "--workspace", "local:" + workspace, "--poll-interval", "0.2"], console: console,
            localOptions: Self.runner)
        #expect(status == 0, "\(console.standardError)")
        #expect(
            console.standardError.hasSuffix(
                "job scored: Completed; accuracy 0.75, loss 0.25\nJobs: 1 completed.\n"), "\(console.standardError)")
    }

    @Test func aSweepIsWaitedForAndEndsWithItsBestTrial() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "env.yml": Self.environment, "metrics.py": JobsHarness.metricsScript,
            "sweep.yml": """
            type: sweep
            name: tune
            trial:
              command: python3 \(root)/metrics.py loss ${{search_space.x}}
              environment: azureml:tiny:1
            sampling_algorithm: grid
            search_space:
              x: {type: choice, values: [0.5, 0.25]}
            objective: {goal: minimize, primary_metric: loss}
            limits: {max_total_trials: 2, max_concurrent_trials: 1}

            """,
        ])
        let console = RecordingConsole()
        let status = try await deploy(
            [root, "--workspace", "local:" + workspace, "--poll-interval", "0.2"], console: console,
            localOptions: Self.runner)
        #expect(status == 0, "\(console.standardError)")
        let lines = console.standardError.split(separator: "\n").map(String.init)
        let last = try #require(lines.last { $0.hasPrefix("job tune: ") }, "\(console.standardError)")
        #expect(last.hasPrefix("job tune: Completed; best trial tune_"), "\(last)")
        #expect(last.hasSuffix(#" {"x":0.25}: loss 0.25"#), "\(last)")
        #expect(lines.last == "Jobs: 1 completed.")
    }

    @Test func failedJobsExitWith1AndSeveralJobsPrefixTheirLines() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try write([
            "env.yml": Self.environment,
            "good.yml": "name: good\ncommand: echo fine\nenvironment: azureml:tiny:1\n",
            "bad.yml": "name: bad\ncommand: echo broken; exit 3\nenvironment: azureml:tiny:1\n",
        ])
        try await withServer(options: Self.runner) { workspaceArguments, _ in
            let console = RecordingConsole()
            let status = try await deploy(
                [root] + workspaceArguments + ["--poll-interval", "0.2", "--output", "json"], console: console)
            #expect(status == 1)
            #expect(console.standardError.contains("\ngood | fine\n"), "\(console.standardError)")
            #expect(console.standardError.contains("\nbad | broken\n"))
            #expect(console.standardError.hasSuffix("Jobs failed: 1 of 2 did not complete.\n"))
            #expect(console.standardError.contains("\njob good: Completed\n"))
            #expect(console.standardError.contains("\njob bad: Failed: "), "\(console.standardError)")
            let document = try JSONValue(parsing: Array(console.standardOutput.utf8))
            #expect(document["status"]?.stringValue == "jobs_failed")
            let jobs = document["jobs"]?.arrayValue?.compactMap { $0["status"]?.stringValue }
            #expect(Set(jobs ?? []) == ["Completed", "Failed"])
        }
    }
}
