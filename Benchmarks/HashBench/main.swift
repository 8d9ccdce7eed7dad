// Code snapshot hashing throughput (`ContentHash`, `ObjectHash`) against `sha256sum` on the same files.
//
//     swift run -c release HashBench [--repeat N] [FOLDER]
//
// Without a folder, it writes two data sets into a temporary folder: 16 files of 16 MiB (large files: the hash
// dominates) and 2000 files of 8 KiB (small files: listing and opening dominate). Each measurement is the best of N
// runs (default 5) after one warm-up run, so that the page cache holds the files for both tools. MB is 10^6 bytes.
import AzureML
import Foundation

struct Options {
    var repeats = 5
    var folder: String?

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            if argument == "--repeat", let value = iterator.next(), let count = Int(value), count > 0 {
                repeats = count
            } else {
                folder = argument
            }
        }
    }
}

/// Deterministic, incompressible-looking bytes (xorshift64*), so both tools hash the same data every run.
func bytes(count: Int, seed: UInt64) -> Data {
    var state = seed | 1
    var data = Data(count: count)
    data.withUnsafeMutableBytes { buffer in
        let words = buffer.bindMemory(to: UInt64.self)
        for index in words.indices {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            words[index] = state &* 2_685_821_657_736_338_717
        }
    }
    return data
}

func makeDataSet(in folder: URL, files: Int, size: Int) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for index in 0..<files {
        let sub = folder.appendingPathComponent("d\(index % 8)")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try bytes(count: size, seed: UInt64(index + 1)).write(to: sub.appendingPathComponent("f\(index).bin"))
    }
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func best(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()  // warm-up: fills the page cache
    var fastest = Double.infinity
    for _ in 0..<repeats {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        fastest = min(fastest, seconds(clock.now - start))
    }
    return fastest
}

func sha256sum(_ paths: [String]) throws {
    // One process over every file, as a user would run it; xargs-style batches keep the argument list short.
    for batch in stride(from: 0, to: paths.count, by: 500).map({ paths[$0..<min($0 + 500, paths.count)] }) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + batch
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "sha256sum failed"])
        }
    }
}

func measure(name: String, folder: String, repeats: Int) throws {
    let files = try FileListing.files(at: folder)
    let total = Double(files.reduce(0) { $0 + $1.size })
    let paths = files.map(\.path)
    let ours = try best(repeats: repeats) { _ = try ContentHash.of(path: folder) }
    let object = try best(repeats: repeats) { _ = try ObjectHash.of(path: folder) }
    let reference = try best(repeats: repeats) { try sha256sum(paths) }
    func rate(_ time: Double) -> Double { total / time / 1e6 }
    print("\(name): \(files.count) files, \(String(format: "%.1f", total / 1e6)) MB")
    print("  ContentHash  \(String(format: "%8.1f", rate(ours))) MB/s")
    print("  ObjectHash   \(String(format: "%8.1f", rate(object))) MB/s")
    print("  sha256sum    \(String(format: "%8.1f", rate(reference))) MB/s")
    print(
        "  throughput / sha256sum (target >= 0.8): ContentHash \(String(format: "%.2f", reference / ours))x, "
            + "ObjectHash \(String(format: "%.2f", reference / object))x"
    )
}

let options = Options(arguments: CommandLine.arguments)
if let folder = options.folder {
    try measure(name: folder, folder: folder, repeats: options.repeats)
} else {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hashbench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let large = scratch.appendingPathComponent("large")
    let small = scratch.appendingPathComponent("small")
    try makeDataSet(in: large, files: 16, size: 16 << 20)
    try makeDataSet(in: small, files: 2000, size: 8 << 10)
    try measure(name: "large files", folder: large.path, repeats: options.repeats)
    try measure(name: "small files", folder: small.path, repeats: options.repeats)
}
