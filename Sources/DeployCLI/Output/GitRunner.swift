import Foundation

/// Runs `git` in a folder for the SDK's git properties, as the SDK does (`subprocess.check_output`): standard output
/// when git exits with 0, `nil` when it fails or is not installed.
struct GitRunner: Sendable {
    /// The folder git runs in.
    var directory: String

    /// `git <arguments>` in `directory`.
    func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
