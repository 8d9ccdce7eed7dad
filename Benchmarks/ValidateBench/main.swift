// ValidateBench: `deploy validate manifests/lightgbm.yaml` as a whole process (start, parse, validate, print,
// exit), run repeatedly; prints the median wall-clock time and the issue's target (30 ms).
//
//     swift build -c release --product deploy && swift run -c release ValidateBench [runs] [manifest]
//
// The `deploy` measured is the one next to this executable, so both must come from the same build configuration.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = CommandLine.arguments.dropFirst()
let runs = arguments.first.flatMap { Int($0) } ?? 50
let manifest = arguments.dropFirst().first ?? "manifests/lightgbm.yaml"
let warmUp = 3

guard let directory = Bundle.main.executableURL?.deletingLastPathComponent() else {
    fatalError("cannot locate this executable")
}
let deploy = directory.appendingPathComponent("deploy").path
guard FileManager.default.isExecutableFile(atPath: deploy) else {
    print("error: \(deploy) not found; build it first: swift build -c release --product deploy")
    exit(1)
}
guard FileManager.default.fileExists(atPath: manifest) else {
    print("error: \(manifest) not found; run from the package root or pass a manifest path")
    exit(1)
}

/// Runs `deploy validate <manifest>` with its output sent to /dev/null; returns the wall-clock seconds and status.
func runOnce() -> (seconds: Double, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = [deploy, "validate", manifest]
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, deploy, &actions, nil, &cArguments, environ)
    guard spawned == 0 else { fatalError("posix_spawn failed: \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    return (seconds, (status >> 8) & 0xFF)
}

for _ in 0..<warmUp { _ = runOnce() }
var times: [Double] = []
for _ in 0..<runs {
    let (seconds, status) = runOnce()
    guard status == 0 else {
        print("error: deploy validate \(manifest) exited with status \(status)")
        exit(1)
    }
    times.append(seconds)
}
times.sort()
func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
let median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2
let p90 = times[min(runs - 1, Int((Double(runs) * 0.9).rounded(.up)) - 1)]
print("deploy validate \(manifest): \(runs) runs after \(warmUp) warm-up runs")
print(
    "min \(milliseconds(times[0]))  median \(milliseconds(median))  p90 \(milliseconds(p90))  max \(milliseconds(times[runs - 1]))"
)
print("target: median <= 30 ms: \(median <= 0.030 ? "met" : "NOT met")")
