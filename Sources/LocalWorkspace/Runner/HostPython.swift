import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The host's Python as the runner uses it: the real interpreter behind `python3` (a pyenv shim resolves to its
/// version's binary) and its version.
struct HostPython: Sendable, Hashable {
    /// The interpreter's absolute path (`sys.executable`).
    var executable: String
    /// `3.11.7`.
    var version: String

    /// Asks `command` (a name on the server's `PATH` or a path) for its executable and version.
    static func discover(_ command: String) async throws -> HostPython {
        let program: Executable = command.contains("/") ? .path(FilePath(command)) : .name(command)
        let script = "import sys; print(sys.executable); print('.'.join(map(str, sys.version_info[:3])))"
        let output: String
        let errorOutput: String
        let status: TerminationStatus
        do {
            let result = try await Subprocess.run(
                program, arguments: ["-c", script], output: .string(limit: 64 * 1024), error: .string(limit: 64 * 1024))
            output = result.standardOutput
            errorOutput = result.standardError
            status = result.terminationStatus
        } catch {
            throw LocalWorkspaceError.environment("cannot run the host's Python '\(command)': \(error)")
        }
        let lines = output.split(separator: "\n").map(String.init)
        guard case .exited(0) = status, lines.count >= 2, lines[0].hasPrefix("/") else {
            let detail = errorOutput.split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw LocalWorkspaceError.environment("the host's Python '\(command)' did not start\(detail)")
        }
        return HostPython(executable: lines[0], version: lines[1])
    }
}
