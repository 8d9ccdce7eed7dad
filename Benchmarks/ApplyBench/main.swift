// ApplyBench: apply 200 independent assets (100 environments, 100 data assets) and 20 jobs that use them to an
// empty local workspace behind a proxy that adds 50 ms to every request, as a distant Azure region would. Prints
// the wall time and the requests of the apply at --parallelism 1, 8 (the default) and 220 (every change of a level
// at once), and the ratio to --parallelism 1. Target (issue 6): wall time ≤ 3 × (graph depth × 50 ms × requests
// per change), which needs a parallelism as wide as the graph; at the default of 8 the bound is the changes / 8.
//
//     swift run -c release ApplyBench
import AsyncHTTPClient
import AzureML
import DeployApply
import DeployCLI
import DeployManifest
import DeployPlan
import DeployTestSupport
import DeployYAML
import Foundation
import LocalWorkspace
import NIOCore
import WorkspaceClient

let assets = 200
let jobs = 20
let latency = 0.05

let root = FileManager.default.temporaryDirectory.appendingPathComponent("apply-bench-\(UUID().uuidString)").path
let manifests = root + "/manifests"
try FileManager.default.createDirectory(atPath: manifests, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: manifests + "/" + name))
}
for index in 0..<assets / 2 {
    try write("env-\(index).yml", "name: env-\(index)\nversion: 1\nimage: python:3.11-slim-\(index)\n")
    try write(
        "data-\(index).yml",
        "name: data-\(index)\nversion: 1\ntype: uri_file\npath: https://example.com/datasets/part-\(index).csv\n")
}
for index in 0..<jobs {
    try write(
        "job-\(index).yml",
        """
        name: job-\(index)
        experiment_name: bench
        command: python train.py --data ${{inputs.data}}
        environment: azureml:env-\(index):1
        inputs:
          data: {type: uri_file, path: azureml:data-\(index):1}

        """)
}

let set = ManifestLoader().load(paths: [manifests])
let order: (ManifestKind?) -> Int = { kind in
    switch kind {
    case .environment?, .compute?: 0
    case .data?: 1
    case .code?: 2
    default: 3
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Plans against a fresh workspace, then applies through the latency proxy; returns the wall time of the apply,
/// its requests, the graph depth and the changes applied.
func run(parallelism: Int, run: Int) async throws -> (
    wall: Double, requests: Int, depth: Int, changes: Int, rounds: Int
) {
    let server = try await LocalWorkspaceServer.start(
        directory: root + "/workspace-\(run)", options: LocalWorkspaceOptions(runsJobs: false))
    let proxy = try await FaultProxy.start(upstream: server.url, faults: FaultProxy.Faults(latency: latency))
    var http = ARMClient.httpConfiguration
    http.connectionPool = HTTPClient.Configuration.ConnectionPool(
        idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, parallelism))
    let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    func client(_ url: String) throws -> ARMClient {
        var configuration = ARMClient.Configuration()
        configuration.baseURL = url
        return try ARMClient(
            workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "bench"),
            configuration: configuration, httpClient: httpClient)
    }
    let direct = try client(server.url)
    let delayed = try client(proxy.url)
    let translator = ManifestTranslator(
        options: TranslationOptions(workspace: server.workspace, workingDirectoryName: "bench"))
    let desired = set.manifests.enumerated().sorted { a, b in
        (order(a.element.kind), a.offset) < (order(b.element.kind), b.offset)
    }.compactMap { translator.translate($0.element) }
    let plan = await Planner(
        options: PlanOptions(
            workspace: PlanWorkspace(id: server.workspace, target: "local workspace", reason: "ApplyBench"),
            deployVersion: "bench")
    ).plan(desired, files: PlanInputs.files(of: set.manifests), service: direct)
    guard plan.errors.isEmpty else {
        print(plan.errors.map(\.rendered).joined(separator: "\n"))
        exit(1)
    }
    let applier = PlanApplier(
        service: delayed, blobs: BlobTransfer(uploader: BlobUploader(service: delayed)),
        options: ApplyOptions(parallelism: parallelism))
    proxy.resetLog()
    let start = ContinuousClock.now
    let result = try await applier.apply(plan)
    let wall = seconds(ContinuousClock.now - start)
    let requests = proxy.entries.count
    guard result.succeeded else {
        print("error: the apply failed:\n" + ApplyTextRenderer().summary(result))
        exit(1)
    }
    var depth: [String: Int] = [:]
    for change in plan.changes {
        depth[change.address] = 1 + (change.dependsOn.compactMap { depth[$0] }.max() ?? 0)
    }
    try await proxy.shutdown()
    try await server.shutdown()
    try await httpClient.shutdown()
    // The fewest sequential rounds of requests: each level of the graph, `parallelism` changes at a time.
    let levels = Dictionary(grouping: depth.values, by: { $0 }).values.map(\.count)
    let rounds = levels.map { ($0 + parallelism - 1) / parallelism }.reduce(0, +)
    return (wall, requests, depth.values.max() ?? 0, result.summary.created, rounds)
}

print("apply of \(assets) assets and \(jobs) jobs through a proxy adding \(Int(latency * 1000)) ms per request")
var serial = 0.0
for (index, parallelism) in [1, 8, 220].enumerated() {
    let measured = try await run(parallelism: parallelism, run: index)
    if parallelism == 1 { serial = measured.wall }
    let perChange = Double(measured.requests) / Double(max(1, measured.changes))
    let target = 3 * Double(measured.depth) * latency * perChange
    let bound = Double(measured.rounds) * latency * perChange
    print(
        String(
            format: "--parallelism %3d: %6.2f s wall, %d requests (%.2f per change), %d created, depth %d, "
                + "%.1f× faster than --parallelism 1; lower bound at this parallelism %.2f s (%d rounds × 50 ms); "
                + "issue target %.2f s (3 × depth × 50 ms × requests per change): %@",
            parallelism, measured.wall, measured.requests, perChange, measured.changes, measured.depth,
            serial / measured.wall, bound, measured.rounds, target, measured.wall <= target ? "met" : "not met"))
}
