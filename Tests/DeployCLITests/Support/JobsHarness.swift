import ArgumentParser
import AzureML
import Foundation
import LocalWorkspace
import Synchronization
import Testing
import WorkspaceClient

@testable import DeployCLI

/// A local workspace server on 127.0.0.1:0 that runs jobs with the host's python3, a client for setting up jobs
/// through the REST API, and `deploy jobs` commands run against it with their output recorded.
struct JobsHarness {
    /// Runs jobs with the host's Python, stops them quickly, two at a time.
    static let runningOptions = LocalWorkspaceOptions(
        provisioningDelay: 0.05, pollInterval: 0.05, environmentMode: .host, stopGracePeriod: 1, localConcurrency: 2)
    /// A curated environment: the host's python3.
    static let hostEnvironment = "azureml:AzureML-sklearn-1.5@latest"
    /// A script that logs metrics through MLflow: `python3 metrics.py KEY VALUE [VALUE...] [KEY VALUE...]`, each
    /// value one step of its key.
    static let metricsScript = """
        import json, os, sys, urllib.request
        base = os.environ["MLFLOW_TRACKING_URI"] + "/api/2.0/mlflow/"
        headers = {"Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"], "Content-Type": "application/json"}
        key, step = None, 0
        for argument in sys.argv[1:]:
            try:
                value = float(argument)
            except ValueError:
                key, step = argument, 0
                continue
            body = {"run_id": os.environ["MLFLOW_RUN_ID"], "key": key, "value": value, "timestamp": 1000 + step, "step": step}
            request = urllib.request.Request(base + "runs/log-metric", data=json.dumps(body).encode(), headers=headers, method="POST")
            urllib.request.urlopen(request).read()
            step += 1
        """

    let root: String
    let server: RunningLocalWorkspace
    let client: ARMClient

    var workspaceDirectory: String { server.directory }
    var metricsCommand: String { "python3 \(root)/metrics.py" }

    /// Starts a server in a new temporary folder, runs `body`, and stops everything.
    static func with(
        options: LocalWorkspaceOptions = runningOptions, _ body: (JobsHarness) async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-jobs-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try metricsScript.write(toFile: root + "/metrics.py", atomically: true, encoding: .utf8)
        let harness = try await start(root: root, options: options)
        do {
            try await body(harness)
        } catch {
            try? await harness.stop()
            throw error
        }
        try await harness.stop()
    }

    /// Starts a server on the workspace folder `root/ws`.
    static func start(root: String, options: LocalWorkspaceOptions) async throws -> JobsHarness {
        let server = try await LocalWorkspaceServer.start(directory: root + "/ws", options: options)
        var configuration = ARMClient.Configuration()
        configuration.baseURL = server.url
        let client = try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
            configuration: configuration)
        return JobsHarness(root: root, server: server, client: client)
    }

    /// Stops the client and the server.
    func stop() async throws {
        try await client.shutdown()
        try await server.shutdown()
    }

    /// PUTs a command job running `command` with the host's Python.
    func submit(_ name: String, command: String, extra: JSONObject = [:]) async throws {
        var properties: JSONObject = [
            "jobType": "Command", "command": .string(command), "environmentId": .string(Self.hostEnvironment),
            "experimentName": "jobs-test",
        ]
        for (key, value) in extra { properties[key] = value }
        _ = try await client.putResource(
            "/jobs/\(name)", apiVersion: APIVersion.commandJob, body: ["properties": .object(properties)])
    }

    /// The job as the REST API shows it.
    func job(_ name: String) async throws -> JobRecord {
        guard let resource = try await client.getResource("/jobs/\(name)", apiVersion: APIVersion.jobs) else {
            throw JobsTestFailure("there is no job \(name)")
        }
        return JobRecord(resource)
    }

    /// Polls until the job's status is terminal (or one of `statuses`).
    @discardableResult
    func wait(for name: String, until statuses: Set<String> = JobStatusText.terminal) async throws -> JobRecord {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let job = try await job(name)
            if statuses.contains(job.status) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw JobsTestFailure("job \(name) never reached \(statuses.sorted()):\n\(log(name))")
    }

    /// Polls until the job's log has a line `text` written by its command.
    func wait(forLog text: String, in name: String) async throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if log(name).split(separator: "\n").contains(where: { $0 == text }) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw JobsTestFailure("the log of \(name) never showed '\(text)':\n\(log(name))")
    }

    /// The job's `user_logs/std_log.txt`.
    func log(_ name: String) -> String {
        (try? String(contentsOfFile: workspaceDirectory + "/runs/\(name)/user_logs/std_log.txt", encoding: .utf8))
            ?? ""
    }

    /// `--workspace` for this server by URL, with its folder as the token file.
    var endpointArguments: [String] {
        ["--workspace", server.url + server.workspace.armID, "--token-file", workspaceDirectory]
    }

    /// Runs `deploy jobs <arguments>` against this server and records what it printed.
    func jobs(
        _ arguments: [String], environment: [String: String] = [:], recorder: Recorder = Recorder()
    ) async throws -> JobsRun {
        try await Self.jobs(arguments, environment: environment, workingDirectory: root, recorder: recorder)
    }

    /// Runs `deploy jobs <arguments>` and records what it printed.
    static func jobs(
        _ arguments: [String], environment: [String: String] = [:], workingDirectory: String,
        localOptions: LocalWorkspaceOptions = JobsRuntime.readOnlyLocalOptions, recorder: Recorder = Recorder()
    ) async throws -> JobsRun {
        let runtime = JobsRuntime(
            environment: environment, workingDirectory: workingDirectory,
            console: JobsConsole(out: { recorder.append(out: $0) }, err: { recorder.append(err: $0) }),
            localOptions: localOptions, pollInterval: 0.05)
        let command = try DeployCommand.parseAsRoot(["jobs"] + arguments)
        let status: Int32
        switch command {
        case let list as DeployCommand.Jobs.List: status = await list.execute(runtime)
        case let show as DeployCommand.Jobs.Show: status = await show.execute(runtime)
        case let logs as DeployCommand.Jobs.Logs: status = await logs.execute(runtime)
        case let cancel as DeployCommand.Jobs.Cancel: status = await cancel.execute(runtime)
        case let wait as DeployCommand.Jobs.Wait: status = await wait.execute(runtime)
        default: throw JobsTestFailure("not a jobs subcommand: \(arguments)")
        }
        let (out, err) = recorder.contents
        return JobsRun(out: out, err: err, status: status)
    }
}

/// What a `deploy jobs` command printed, and its exit status.
struct JobsRun: Sendable, Equatable {
    var out: String
    var err: String
    var status: Int32
}

/// Collects a command's output from any task.
final class Recorder: Sendable {
    private let state = Mutex<(out: String, err: String)>(("", ""))

    func append(out text: String) { state.withLock { $0.out += text } }
    func append(err text: String) { state.withLock { $0.err += text } }
    var contents: (out: String, err: String) { state.withLock { $0 } }
}

/// A test's own failure.
struct JobsTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
