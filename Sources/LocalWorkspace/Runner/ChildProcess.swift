import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program the way the runner runs jobs and environment builds: in a process group of its own (so a signal
/// reaches everything it started), with standard input from `/dev/null` and standard output and error appended to
/// one log file, written by the process itself (nothing is relayed through the server).
///
/// swift-subprocess spawns it (`posix_spawn` with `POSIX_SPAWN_SETPGROUP`, the log as a file descriptor, the
/// combined error stream) and reaps it. Signals go to the whole group with `kill(-pgid, ...)` from `ProcessGroup`,
/// because the execution handle must not outlive its closure.
struct ChildProcess: Sendable {
    /// The program's path.
    var executable: String
    var arguments: [String]
    /// The complete environment (nothing is inherited).
    var environment: [String: String]
    var workingDirectory: String
    /// The log file, created if needed and appended to.
    var logPath: String

    /// Starts the process, calls `started` with its process group id as soon as it runs, and returns how it ended.
    /// Throws when it cannot be started (no such program, no such folder, the log cannot be opened).
    func run(started: (ProcessGroup) -> Void) async throws -> JobOutcome.Termination {
        let fd = open(logPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LocalWorkspaceError.io("cannot open the log file", path: logPath, errno: errno)
        }
        defer { close(fd) }
        var options = PlatformOptions()
        options.processGroupID = 0
        // NUL-terminated: swift-subprocess 1.0.2 `strdup`s each raw entry as it is.
        let environment = environment.sorted { $0.key < $1.key }.map { Array("\($0.key)=\($0.value)".utf8) + [0] }
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), environment: .custom(environment),
            workingDirectory: FilePath(workingDirectory), platformOptions: options, input: .none,
            output: .fileDescriptor(FileDescriptor(rawValue: fd), closeAfterSpawningProcess: false),
            error: .combinedWithOutput
        ) { execution in
            started(ProcessGroup(id: execution.processIdentifier.value))
        }
        switch result.terminationStatus {
        case .exited(let code): return .exited(code)
        case .signaled(let signal): return .signaled(signal)
        }
    }
}
