import AzureML
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation
import LocalWorkspace
import Testing
import WorkspaceClient

/// A local workspace server on 127.0.0.1:0 in a temporary folder, an `ARMClient` to it over real HTTP (recorded),
/// and a folder for the manifests under test. Tests plan against it, and change the workspace behind the plan's
/// back through the REST API.
final class PlanHarness: Sendable {
    /// The temporary folder: `manifests/` holds the files under test, `workspace/` the server's data.
    let directory: String
    let server: RunningLocalWorkspace
    let client: ARMClient
    let service: RecordingService

    static let options = LocalWorkspaceOptions(provisioningDelay: 0.05, pollInterval: 0.05, runsJobs: false)
    static let polling = PollingOptions(minimumInterval: 0.02, maximumInterval: 0.1, defaultInterval: 0.05)
    /// The workspace as plans of the tests report it.
    static let planWorkspace = PlanWorkspace(
        id: WorkspaceID.local, target: "local workspace in the test folder", reason: "from the test")

    private init(directory: String, server: RunningLocalWorkspace, client: ARMClient) {
        self.directory = directory
        self.server = server
        self.client = client
        service = RecordingService(client)
    }

    /// Runs `body` against a fresh server, and removes everything afterwards.
    static func with<T: Sendable>(_ body: (PlanHarness) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "deploy-plan-\(UUID().uuidString)"
        )
        .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: directory + "/manifests", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await LocalWorkspaceServer.start(directory: directory + "/workspace", options: options)
        var configuration = ARMClient.Configuration()
        configuration.baseURL = server.url
        let client = try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "test"),
            configuration: configuration)
        let harness = PlanHarness(directory: directory, server: server, client: client)
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

    /// Copies a folder of `Fixtures/` to `manifests/<name>`.
    func copyFixture(_ name: String) throws -> String {
        try FileManager.default.copyItem(atPath: Self.fixture(name), toPath: path(name))
        return path(name)
    }

    /// The path of a fixture.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
    }

    /// The translation of the manifests at `paths`, which must load and translate without errors.
    func translate(_ paths: [String]) throws -> (manifests: [DesiredManifest], loaded: [LoadedManifest]) {
        try Self.translate(paths)
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

    /// Plans the manifests at `paths` against the server, recording the requests.
    func plan(_ paths: [String], rerun: Bool = false, revision: String? = nil) async throws -> Plan {
        let (desired, loaded) = try translate(paths)
        service.reset()
        let planner = Planner(
            options: PlanOptions(
                workspace: Self.planWorkspace, deployVersion: "0.1.0", sourceRevision: revision, rerun: rerun,
                maxConcurrentReads: 8))
        return await planner.plan(desired, files: PlanInputs.files(of: loaded), service: service)
    }

    /// What a minimal applier does, for setting up state: PUTs every create and update in order, filling the
    /// slots (a pending-upload container, a datastore's container) the way an apply would, without uploading.
    func applyDirectly(_ plan: Plan) async throws {
        #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
        for change in plan.changes where change.action.writes {
            let body = try #require(change.body)
            var values: [Placeholder: String] = [:]
            for placeholder in body.placeholders {
                switch placeholder {
                case .pendingUploadContainer(let name, let version):
                    let response = try await client.sendExpectingSuccess(
                        ARMRequest(
                            method: "POST", path: "/codes/\(name)/versions/\(version)/startPendingUpload",
                            apiVersion: APIVersion.codes, body: PendingUpload.requestBody))
                    values[placeholder] = try PendingUpload(json: try #require(response.body)).blobUri
                case .datastoreContainer(let name):
                    let datastore = try #require(
                        try await client.getResource("/datastores/\(name)", apiVersion: APIVersion.datastores))
                    values[placeholder] = try #require(
                        try DatastoreProperties(json: .object(datastore.properties)).containerURL?.string)
                default:
                    Issue.record("no value for \(placeholder)")
                }
            }
            _ = try await client.putResource(
                change.path, apiVersion: change.apiVersion, body: body.resolved(values), polling: Self.polling)
        }
    }

    /// PUTs `body` at `path` behind the plan's back.
    @discardableResult
    func put(_ path: String, apiVersion: String, _ body: JSONValue) async throws -> ARMResource {
        try await client.putResource(path, apiVersion: apiVersion, body: body, polling: Self.polling)
    }
}
