import AsyncHTTPClient
import AzureML
import Foundation
import LocalWorkspace
import NIOCore
import NIOHTTP1

// SweepBench: wall time of the 8-trial LightGBM sweep of manifests/lightgbm-sweep.yaml with max_concurrent_trials 2
// against the same sweep with max_concurrent_trials 1. Run it in release mode from the repository:
//
//     swift run -c release SweepBench [--dir DIR] [--synthetic]
//
// It starts a local workspace on 127.0.0.1:0 (in DIR, kept, so a second run reuses the built environment; default a
// temporary folder), uploads manifests/src and manifests/data/iris.csv, registers the manifest's environment (its
// conda file, built as a virtual environment with pip: lightgbm, pandas, scikit-learn, mlflow-skinny, matplotlib),
// and runs one unmeasured job in it so the environment is built before anything is timed. Then it PUTs the sweep
// twice, as `deploy render manifests/lightgbm-sweep.yaml` renders it (same command, search space, seed 42, objective,
// 8 trials, trial timeout), once with 2 concurrent trials and once with 1, and measures each from the PUT to the
// sweep's terminal status. The early-termination policy is left out: which trials it cancels depends on how the
// trials overlap, so with it the two runs would not do the same work; without it both run the same 8 trials.
//
// --synthetic runs a stand-in trial with the host's python3 instead (no packages needed): 30 rounds of pure-Python
// work (a few seconds of CPU in all, of the order of one LightGBM trial's imports and training), logging
// `test-multi_logloss` each round through the MLflow REST API.

let arguments = CommandLine.arguments
let synthetic = arguments.contains("--synthetic")
let keptDirectory = arguments.firstIndex(of: "--dir").flatMap { arguments.count > $0 + 1 ? arguments[$0 + 1] : nil }
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let directory = keptDirectory ?? (NSTemporaryDirectory() + "deploy-sweepbench-" + UUID().uuidString)
defer { if keptDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }

let options = LocalWorkspaceOptions(environmentMode: synthetic ? .host : .build)
let server = try await LocalWorkspaceServer.start(directory: directory, options: options)
let workspace = server.url + server.workspace.armID

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Sends a request; returns the status and the JSON body.
@discardableResult
func send(
    _ method: HTTPMethod, _ url: String, json: JSONValue? = nil, bytes: [UInt8]? = nil, headers: [(String, String)] = []
) async throws -> (status: Int, json: JSONValue) {
    var request = HTTPClientRequest(url: url)
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let json {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json.serialized(.compact)))
    } else if let bytes {
        request.body = .bytes(ByteBuffer(bytes: bytes))
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    let body = try await response.body.collect(upTo: 16 << 20)
    let status = Int(response.status.code)
    guard status < 300 else {
        throw BenchFailure(description: "\(method) \(url) answered \(status): \(String(buffer: body))")
    }
    return (status, (try? JSONValue(parsing: Array(body.readableBytesView))) ?? .null)
}

/// An ARM request to `path` below the workspace.
@discardableResult
func arm(_ method: HTTPMethod, _ path: String, apiVersion: String, json: JSONValue? = nil) async throws -> JSONValue {
    try await send(
        method, workspace + path + "?api-version=" + apiVersion, json: json,
        headers: [("Authorization", "Bearer " + server.token)]
    ).json
}

/// Uploads `files` (blob name → contents) as a new code version `name-<random>`/1 (a kept folder may hold earlier
/// ones); returns its id.
func uploadCode(_ name: String, _ files: [String: [UInt8]]) async throws -> String {
    let path = "/codes/\(name)-\(UUID().uuidString.prefix(8).lowercased())/versions/1"
    let pending = try PendingUpload(
        json: try await arm(.POST, path + "/startPendingUpload", apiVersion: APIVersion.codes))
    let token = String(pending.sasUri.split(separator: "?")[1])
    for (blob, bytes) in files {
        try await send(
            .PUT, pending.blobUri + "/src/" + blob + "?" + token, bytes: bytes,
            headers: [("x-ms-blob-type", "BlockBlob")])
    }
    try await arm(
        .PUT, path, apiVersion: APIVersion.codes,
        json: ["properties": ["codeUri": .string(pending.blobUri + "/src"), "isAnonymous": true]])
    return server.workspace.armID + path
}

/// Uploads `bytes` to the default datastore at `path`; returns its `azureml://` URI.
func uploadData(_ path: String, _ bytes: [UInt8]) async throws -> String {
    let secrets = try await arm(.POST, "/datastores/workspaceblobstore/listSecrets", apiVersion: APIVersion.datastores)
    guard let sas = secrets["sasToken"]?.stringValue else { throw BenchFailure(description: "no SAS token") }
    try await send(
        .PUT, server.url + "/blob/local/workspace-blobstore/" + path + "?" + sas, bytes: bytes,
        headers: [("x-ms-blob-type", "BlockBlob")])
    return "azureml://datastores/workspaceblobstore/paths/" + path
}

func file(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: repository + "/" + path)))
}

/// Waits until job `name` has ended; returns its status.
func waitForEnd(of name: String, _ changes: inout AsyncStream<JobStatusChange>.Iterator) async -> String {
    while let change = await changes.next() {
        if change.jobName == name && change.isTerminal { return change.status }
    }
    return "?"
}

// The stand-in trial of --synthetic: pure-Python rounds, each logging the metric through the MLflow REST API.
let syntheticTrain = """
    import argparse, json, math, os, time, urllib.request
    parser = argparse.ArgumentParser()
    parser.add_argument("--iris-csv")
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--boosting")
    args = parser.parse_args()
    def log(value, step):
        body = json.dumps({"run_id": os.environ["MLFLOW_RUN_ID"], "key": "test-multi_logloss", "value": value,
                           "timestamp": int(time.time() * 1000), "step": step}).encode()
        request = urllib.request.Request(os.environ["MLFLOW_TRACKING_URI"] + "/api/2.0/mlflow/runs/log-metric",
            data=body, headers={"Content-Type": "application/json",
                                "Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"]})
        urllib.request.urlopen(request).read()
    rows = open(args.iris_csv).read().splitlines()[1:]
    loss = 1.1
    for step in range(30):
        total = 0.0
        for i in range(1000000):
            total += math.sin(i * args.learning_rate)
        loss = loss * (1 - args.learning_rate) + 0.05 * (args.boosting == "dart") + 1e-9 * total
        log(loss, step)
    print(f"test-multi_logloss={loss:.4f} rows={len(rows)}")
    """

let started = now()
let code: String
let environmentId: String
if synthetic {
    code = try await uploadCode("sweepbench-synthetic", ["train.py": Array(syntheticTrain.utf8)])
    environmentId = "azureml:AzureML-sklearn-1.5@latest"
} else {
    code = try await uploadCode("sweepbench-lightgbm", ["train.py": try file("manifests/src/train.py")])
    let conda = String(decoding: try file("manifests/environment/conda.yaml"), as: UTF8.self)
    try await arm(
        .PUT, "/environments/sweepbench-lightgbm/versions/1", apiVersion: APIVersion.environments,
        json: [
            "properties": [
                "image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest", "condaFile": .string(conda),
                "isAnonymous": false,
            ]
        ])
    environmentId = server.workspace.armID + "/environments/sweepbench-lightgbm/versions/1"
}
let iris = try await uploadData("sweepbench/iris.csv", try file("manifests/data/iris.csv"))

// The unmeasured warm-up: builds the environment (or finds it built) and creates the experiment.
let warmup = "warmup-" + UUID().uuidString.prefix(8).lowercased()
func runWarmup() async throws -> String {
    var changes = server.runner.statusChanges().makeAsyncIterator()
    try await arm(
        .PUT, "/jobs/" + warmup, apiVersion: APIVersion.commandJob,
        json: [
            "properties": [
                "jobType": "Command", "experimentName": "sweepbench", "codeId": .string(code),
                "environmentId": .string(environmentId),
                "command": .string(
                    synthetic
                        ? "python3 -c 'import json, urllib.request'"
                        : "python -c 'import lightgbm, mlflow, pandas, sklearn'"),
            ]
        ])
    return await waitForEnd(of: warmup, &changes)
}
let warmupStatus = try await runWarmup()
guard warmupStatus == "Completed" else {
    print("the warm-up job ended \(warmupStatus); see \(directory)/runs/\(warmup)/user_logs/std_log.txt")
    exit(1)
}
let preparation = now() - started

/// Runs the sweep with `concurrent` trials at once; returns its wall time, the trials' statuses and the best trial.
func runSweep(concurrent: Int) async throws -> (seconds: Double, completed: Int, best: String) {
    let name = "sweepbench-c\(concurrent)-" + UUID().uuidString.prefix(8).lowercased()
    let body: JSONValue = [
        "properties": [
            "jobType": "Sweep", "displayName": "lightgbm-iris-sweep", "experimentName": "sweepbench",
            "isArchived": false, "tags": [:], "properties": [:],
            "searchSpace": [
                "learning_rate": ["loguniform", [-4.6, -0.7]], "boosting": ["choice", [["gbdt", "dart"]]],
            ],
            "samplingAlgorithm": ["seed": 42, "samplingAlgorithmType": "Random"],
            "objective": ["goal": "minimize", "primaryMetric": "test-multi_logloss"],
            "limits": [
                "maxConcurrentTrials": .int(concurrent), "maxTotalTrials": 8, "timeout": "PT1H",
                "trialTimeout": "PT10M", "jobLimitsType": "Sweep",
            ],
            "trial": [
                "codeId": .string(code),
                "command": .string(
                    "python train.py --iris-csv ${{inputs.iris_csv}} --learning-rate ${{search_space.learning_rate}} "
                        + "--boosting ${{search_space.boosting}}"),
                "environmentId": .string(environmentId), "environmentVariables": ["OMP_NUM_THREADS": "1"],
            ],
            "inputs": ["iris_csv": ["uri": .string(iris), "jobInputType": "uri_file"]],
            "outputs": [:],
        ]
    ]
    var changes = server.runner.statusChanges().makeAsyncIterator()
    let start = now()
    try await arm(.PUT, "/jobs/" + name, apiVersion: APIVersion.jobs, json: body)
    let status = await waitForEnd(of: name, &changes)
    let seconds = now() - start
    guard status == "Completed" else { throw BenchFailure(description: "sweep \(name) ended \(status)") }
    let sweep = try await arm(.GET, "/jobs/" + name, apiVersion: APIVersion.jobs)
    let bag = sweep["properties"]?["properties"]
    let trials =
        try await send(
            .GET, workspace + "/jobs?api-version=\(APIVersion.jobs)&parentJobName=" + name,
            headers: [("Authorization", "Bearer " + server.token)]
        ).json["value"]?.arrayValue ?? []
    let completed = trials.count { $0["properties"]?["status"]?.stringValue == "Completed" }
    let best =
        "\(bag?["best_child_run_id"]?.stringValue ?? "none") \(bag?["BestTrialParameters"]?.stringValue ?? "") "
        + "objective \(bag?["BestTrialObjective"]?.stringValue ?? "none")"
    return (seconds, completed, best)
}

let two = try await runSweep(concurrent: 2)
let one = try await runSweep(concurrent: 1)
try await server.shutdown()

let kind = synthetic ? "synthetic stand-in trials (host python3)" : "LightGBM trials (manifests/src/train.py)"
print("SweepBench: 8 \(kind), \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(String(format: "  preparation (uploads, environment, warm-up job): %.1f s", preparation))
print(
    String(format: "  max_concurrent_trials 2: %6.1f s", two.seconds)
        + "  (\(two.completed) completed; best \(two.best))")
print(
    String(format: "  max_concurrent_trials 1: %6.1f s", one.seconds)
        + "  (\(one.completed) completed; best \(one.best))")
print(String(format: "  ratio 2 / 1: %.2f (target ≤ 0.60)", two.seconds / one.seconds))
