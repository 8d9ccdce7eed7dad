// PlanBench: `deploy plan` of 500 manifests (environments, data assets, jobs) against a local workspace that already
// holds everything they describe. Prints the wall time of loading, translating and planning, and the requests the
// plan sent; fails if any request was not a GET. Target: under 2 s.
//
//     swift run -c release PlanBench [manifests]
import AzureML
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation
import LocalWorkspace
import Synchronization
import WorkspaceClient

/// Counts requests by method.
final class CountingService: WorkspaceService {
    let inner: any WorkspaceService
    private let counts = Mutex<[String: Int]>([:])

    init(_ inner: any WorkspaceService) { self.inner = inner }

    var workspace: WorkspaceID { inner.workspace }

    func send(_ request: ARMRequest) async throws -> ARMResponse {
        counts.withLock { $0[request.method, default: 0] += 1 }
        return try await inner.send(request)
    }

    func send(_ request: BlobRequest) async throws -> BlobResponse {
        counts.withLock { $0["BLOB " + request.method, default: 0] += 1 }
        return try await inner.send(request)
    }

    var snapshot: [String: Int] { counts.withLock { $0 } }
    func reset() { counts.withLock { $0 = [:] } }
}

let total = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500
let environments = total * 3 / 10
let data = total * 3 / 10
let jobs = total - environments - data

let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-bench-\(UUID().uuidString)").path
let manifests = root + "/manifests"
try FileManager.default.createDirectory(atPath: manifests, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: manifests + "/" + name))
}

try write(
    "conda.yaml", "name: bench\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - pip:\n      - pandas\n")
for index in 0..<environments {
    try write(
        "env-\(index).yml",
        """
        $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
        name: env-\(index)
        version: 1
        image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest
        conda_file: conda.yaml
        tags: {team: bench}

        """)
}
for index in 0..<data {
    try write(
        "data-\(index).yml",
        """
        $schema: https://azuremlschemas.azureedge.net/latest/data.schema.json
        name: data-\(index)
        \(index.isMultiple(of: 2) ? "version: 1" : "")
        type: uri_file
        path: https://example.com/datasets/part-\(index).csv

        """)
}
for index in 0..<jobs {
    let input = index % data
    let reference = input.isMultiple(of: 2) ? "azureml:data-\(input):1" : "azureml:data-\(input)@latest"
    try write(
        "job-\(index).yml",
        """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        type: command
        \(index.isMultiple(of: 2) ? "name: job-\(index)" : "")
        experiment_name: bench
        command: python train.py --data ${{inputs.data}} --seed \(index)
        environment: azureml:env-\(index % environments):1
        inputs:
          data: {type: uri_file, path: \(reference)}

        """)
}

let server = try await LocalWorkspaceServer.start(
    directory: root + "/workspace", options: LocalWorkspaceOptions(runsJobs: false))
var configuration = ARMClient.Configuration()
configuration.baseURL = server.url
let client = try ARMClient(
    workspace: server.workspace, credential: StaticTokenCredential(token: server.token, name: "bench"),
    configuration: configuration)
let service = CountingService(client)
let options = PlanOptions(
    workspace: PlanWorkspace(id: server.workspace, target: "local workspace in \(root)", reason: "PlanBench"),
    deployVersion: "bench")

func plan() async throws -> (Plan, load: Double, plan: Double) {
    let start = ContinuousClock.now
    let set = ManifestLoader().load(paths: [manifests])
    let translator = ManifestTranslator(
        options: TranslationOptions(workspace: server.workspace, workingDirectoryName: "bench"))
    let rank: (ManifestKind?) -> Int = { kind in
        switch kind {
        case .environment?, .compute?: 0
        case .data?: 1
        case .code?: 2
        default: 3
        }
    }
    let desired = set.manifests.enumerated().sorted { a, b in
        (rank(a.element.kind), a.offset) < (rank(b.element.kind), b.offset)
    }.compactMap { translator.translate($0.element) }
    let loaded = ContinuousClock.now
    let result = await Planner(options: options).plan(
        desired, files: PlanInputs.files(of: set.manifests), service: service)
    let end = ContinuousClock.now
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    return (result, seconds(loaded - start), seconds(end - loaded))
}

// Fill the workspace with what the manifests describe, as an apply would.
let (initial, _, _) = try await plan()
guard initial.errors.isEmpty else {
    print(initial.errors.map(\.rendered).joined(separator: "\n"))
    exit(1)
}
for change in initial.changes where change.action.writes {
    _ = try await client.putResource(change.path, apiVersion: change.apiVersion, body: change.body!.json)
}
print("Workspace filled: \(initial.summary.create) resources created from \(total) manifests")

var best: (wall: Double, load: Double, plan: Double) = (.infinity, 0, 0)
var requests: [String: Int] = [:]
for _ in 0..<5 {
    service.reset()
    let (result, load, planning) = try await plan()
    guard result.errors.isEmpty, !result.hasChanges else {
        print("error: the second plan is not all unchanged: \(result.summary.line)")
        exit(1)
    }
    if load + planning < best.wall { best = (load + planning, load, planning) }
    requests = service.snapshot
}
try await client.shutdown()
try await server.shutdown()

let writes = requests.filter { $0.key != "GET" }.values.reduce(0, +)
print(
    String(
        format: "plan of %d manifests (%d environments, %d data assets, %d jobs), best of 5: %.0f ms wall "
            + "(load and translate %.0f ms, plan %.0f ms)", total, environments, data, jobs, best.wall * 1000,
        best.load * 1000, best.plan * 1000))
print(
    "requests per plan: \(requests.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")); writes: \(writes)"
)
print("target: under 2000 ms and no writes: \(best.wall < 2 && writes == 0 ? "met" : "NOT MET")")
if writes > 0 { exit(1) }
