import AzureML
import DeployApply
import DeployCLI
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

/// A local workspace server on 127.0.0.1:0 in a temporary folder, an `ARMClient` to it over real HTTP (directly, or
/// through a `FaultProxy`), requests recorded, and a folder for the manifests under test. Tests plan and apply
/// against it.
final class ApplyHarness: Sendable {
    /// The temporary folder: `manifests/` holds the files under test, `workspace/` the server's data.
    let directory: String
    let server: RunningLocalWorkspace
    let client: ARMClient
    let service: RecordingService

    static let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
    static let polling = PollingOptions(minimumInterval: 0.02, maximumInterval: 0.1, defaultInterval: 0.05)
    static let planWorkspace = PlanWorkspace(
        id: WorkspaceID.local, target: "local workspace in the test folder", reason: "from the test")

    private init(directory: String, server: RunningLocalWorkspace, client: ARMClient) {
        self.directory = directory
        self.server = server
        self.client = client
        service = RecordingService(client)
    }

    /// Runs `body` against a fresh server, reached at the URL `route` gives for the server's (the server's own by
    /// default), with `retryPolicy`; removes everything afterwards.
    static func with<T: Sendable>(
        retryPolicy: RetryPolicy = .standard, route: @Sendable (String) async throws -> String = { $0 },
        _ body: (ApplyHarness) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "deploy-apply-\(UUID().uuidString)"
        ).resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: directory + "/manifests", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await LocalWorkspaceServer.start(directory: directory + "/workspace", options: options)
        let client: ARMClient
        do {
            var configuration = ARMClient.Configuration()
            configuration.baseURL = try await route(server.url)
            configuration.retryPolicy = retryPolicy
            client = try ARMClient(
                workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
                configuration: configuration)
        } catch {
            try? await server.shutdown()
            throw error
        }
        let harness = ApplyHarness(directory: directory, server: server, client: client)
        do {
            let result = try await body(harness)
            try await client.shutdown()
            try await server.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            try? await server.shutdown()
            throw error
        }
    }

    /// `manifests/<relative>`.
    func path(_ relative: String) -> String {
        directory + "/manifests/" + relative
    }

    /// Writes files below `manifests/`.
    func write(_ files: [String: String]) throws {
        for (relative, content) in files {
            let url = URL(fileURLWithPath: path(relative))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    /// Copies the repository's `manifests/` folder to `manifests/` here.
    func copyRepositoryManifests() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("manifests").path
        for item in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: path(item))
        }
    }

    /// The translation of the manifests at `paths` for the local workspace, in kind order, which must load and
    /// translate without errors.
    static func translate(_ paths: [String]) throws -> (manifests: [DesiredManifest], loaded: [LoadedManifest]) {
        let set = ManifestLoader().load(paths: paths)
        let problems = (set.diagnostics + set.manifests.flatMap(\.diagnostics)).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems.map(\.rendered))")
        let translator = ManifestTranslator(
            options: TranslationOptions(workspace: .local, workingDirectoryName: "project"))
        let order: [ManifestKind] = [.compute, .environment, .data, .code, .command, .sweep]
        let sorted = set.manifests.enumerated().sorted { a, b in
            let x = order.firstIndex(of: a.element.kind ?? .command)!
            let y = order.firstIndex(of: b.element.kind ?? .command)!
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let desired = sorted.compactMap { translator.translate($0) }
        let translationErrors = desired.flatMap(\.diagnostics).filter { $0.severity == .error }
        #expect(translationErrors.isEmpty, "\(translationErrors.map(\.rendered))")
        return (desired, set.manifests)
    }

    /// Plans the manifests at `paths` (below `manifests/` when relative) against the server.
    func plan(_ paths: [String] = ["."], rerun: Bool = false) async throws -> Plan {
        let (desired, loaded) = try Self.translate(paths.map { $0.hasPrefix("/") ? $0 : path($0) })
        let planner = Planner(
            options: PlanOptions(
                workspace: Self.planWorkspace, deployVersion: "0.1.0", rerun: rerun, maxConcurrentReads: 8))
        return await planner.plan(desired, files: PlanInputs.files(of: loaded), service: service)
    }

    /// The applier of the tests: through the recording service, blobs through `WorkspaceClient`'s uploader.
    func applier(parallelism: Int = 8, uploader: BlobUploader? = nil) -> PlanApplier {
        PlanApplier(
            service: service, blobs: BlobTransfer(uploader: uploader ?? BlobUploader(service: service)),
            options: ApplyOptions(parallelism: parallelism, polling: Self.polling))
    }

    /// Applies `plan`, collecting the events.
    func apply(_ plan: Plan, parallelism: Int = 8, events: EventLog = EventLog()) async throws -> ApplyResult {
        try await applier(parallelism: parallelism).apply(plan) { events.append($0) }
    }

    /// The resources of `kind` the server holds, as `name` or `name:version`.
    func stored(_ kind: ResourceKind) async throws -> [String] {
        let path: String
        switch kind {
        case .job: path = "/jobs"
        case .compute: path = "/computes"
        default: path = "/\(kind.collection)"
        }
        let apiVersion = kind == .job ? APIVersion.jobs : APIVersion.read(kind)
        if !kind.isVersioned {
            return try await client.listResources(path, apiVersion: apiVersion).map(\.name).sorted()
        }
        var result: [String] = []
        for container in try await client.listResources(path, apiVersion: apiVersion) {
            let versions = try await client.listResources(
                "\(path)/\(container.name)/versions", apiVersion: apiVersion)
            result += versions.map { "\(container.name):\($0.name)" }
        }
        return result.sorted()
    }
}
