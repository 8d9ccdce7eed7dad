import AzureML
import Foundation
import LocalWorkspace

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

// ServeBench: requests per second of the local workspace server with the bearer-token check on, measured by `wrk`
// (Debian package `wrk`) in a separate process. Run it in release mode:
//
//     swift run -c release ServeBench [seconds] [connections]
//
// It starts a server on 127.0.0.1:0 in a temporary folder, seeds one environment version, and measures:
// GET of that version, an identical re-PUT of it (200), PUTs that create a new version each time (201), and
// listing versions with `$top=10`.

let arguments = CommandLine.arguments
let seconds = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
let connections = arguments.count > 2 ? Int(arguments[2]) ?? 16 : 16

guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
    print("ServeBench needs wrk: apt-get install -y wrk")
    exit(2)
}

let directory = NSTemporaryDirectory() + "deploy-servebench-" + UUID().uuidString
let server = try await LocalWorkspaceServer.start(directory: directory)
defer { try? FileManager.default.removeItem(atPath: directory) }

let versions = server.url + server.workspace.armID + "/environments/bench/versions"
let body =
    #"{"properties": {"image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest", "#
    + #""condaFile": "channels:\n- conda-forge\ndependencies:\n- python=3.10\n", "isAnonymous": false, "#
    + #""isArchived": false, "tags": {"team": "bench"}, "description": "benchmark environment"}}"#
let api = "?api-version=" + APIVersion.environments

/// Runs wrk with a Lua script and returns (requests/s, average latency text, non-2xx count).
func measure(_ name: String, script: String, url: String) throws -> String {
    let scriptPath = directory + "/\(name).lua"
    try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: wrk)
    process.arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", scriptPath, url]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    func value(after label: String) -> String {
        output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }
            .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
            ?? "?"
    }
    let latency =
        output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Latency") }
        .map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? "?" }
        ?? "?"
    let p99 = value(after: "99%")
    let errors = value(after: "Non-2xx or 3xx responses:")
    return "\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(value(after: "Requests/sec:")) req/s, "
        + "avg latency \(latency), p99 \(p99)" + (errors == "?" ? "" : ", non-2xx \(errors)")
}

let authorization = "wrk.headers[\"Authorization\"] = \"Bearer \(server.token)\"\n"
let json = "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
let luaBody = "wrk.body = [[\(body)]]\n"

// Seed the version every GET reads.
var seed = URLRequest(url: URL(string: versions + "/1" + api)!)
seed.httpMethod = "PUT"
seed.setValue("Bearer \(server.token)", forHTTPHeaderField: "Authorization")
seed.setValue("application/json", forHTTPHeaderField: "Content-Type")
seed.httpBody = Data(body.utf8)
let (_, seedResponse) = try await URLSession.shared.data(for: seed)
guard (seedResponse as? HTTPURLResponse)?.statusCode == 201 else {
    print("seeding failed: \(seedResponse)")
    exit(1)
}

print(
    "ServeBench: wrk -t2 -c\(connections) -d\(seconds)s against \(server.url), token check on, \(ProcessInfo.processInfo.activeProcessorCount) cores"
)
print(try measure("GET version", script: authorization, url: versions + "/1" + api))
print(try measure("GET list ($top=10)", script: authorization, url: versions + api + "&$top=10"))
print(
    try measure(
        "PUT identical (200)", script: authorization + json + "wrk.method = \"PUT\"\n" + luaBody,
        url: versions + "/1" + api))
let createScript =
    authorization + json + "wrk.method = \"PUT\"\n" + luaBody + """
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        counter = 0
        request = function()
          counter = counter + 1
          return wrk.format(nil, "\(server.workspace.armID)/environments/bench/versions/" .. tid .. "-" .. counter .. "\(api)")
        end
        """
print(try measure("PUT new version (201)", script: createScript, url: versions + "/1" + api))
print(try measure("GET without token (401)", script: "", url: versions + "/1" + api))
try await server.shutdown()
