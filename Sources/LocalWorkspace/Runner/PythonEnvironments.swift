import AzureML
import Crypto
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Pythons jobs run with, under `<workspace>/envs/`:
///
/// - `<hash>` → `<hash>.<random>/`: a virtual environment built from a conda file's pip requirements. `<hash>` is
///   the SHA-256 (first 16 hex digits) of what determines the environment: the host interpreter, its version and the
///   requirement lines, so every environment version with the same dependencies shares one. It is built in its own
///   fresh folder and published by atomically renaming a symbolic link over `<hash>` (the folder itself never moves,
///   because a virtual environment's scripts name their absolute path): a crashed build leaves an unpublished folder
///   that never looks ready and is removed on the next start.
/// - `logs/<hash>.<random>.log`: each build's log (the commands and pip's output), kept after failures.
/// - `host/bin/python`, `host/bin/python3`: links to the host interpreter, first on `PATH` for jobs that run with
///   the host's Python, so `python` works even where the system has only `python3`.
///
/// Concurrent jobs that need the same environment share one build (`SingleFlight`); a failed build is not cached.
final class PythonEnvironments: Sendable {
    /// `<workspace>/envs`.
    let root: String
    private let pythonCommand: String
    private let baseEnvironment: [String: String]
    private let builds = SingleFlight<String>()
    private let host = Mutex<Task<HostPython, any Error>?>(nil)

    /// The recipe version: bump it when the way environments are built changes, so old ones are not reused.
    static let recipe = "deploy-venv-1"

    init(workspaceDirectory: String, python: String, baseEnvironment: [String: String]) {
        root = workspaceDirectory + "/envs"
        pythonCommand = python
        self.baseEnvironment = baseEnvironment
    }

    /// The host's Python, asked once.
    func hostPython() async throws -> HostPython {
        let task = host.withLock { task in
            if let task { return task }
            let command = pythonCommand
            let newTask = Task { try await HostPython.discover(command) }
            task = newTask
            return newTask
        }
        do {
            return try await task.value
        } catch {
            // Let a later job try again (the interpreter may have been installed since).
            host.withLock { if $0 == task { $0 = nil } }
            throw error
        }
    }

    /// The folder with `python` and `python3` links to the host interpreter.
    func hostBinDirectory() async throws -> String {
        let python = try await hostPython()
        let bin = root + "/host/bin"
        let code = POSIXFile.makeDirectories(bin)
        if code != 0 { throw LocalWorkspaceError.io("cannot create the folder", path: bin, errno: code) }
        for name in ["python", "python3"] where FileTree.linkTarget(bin + "/" + name) != python.executable {
            let code = FileTree.publishLink(bin + "/" + name, to: python.executable)
            if code != 0 { throw LocalWorkspaceError.io("cannot link the host's Python", path: bin, errno: code) }
        }
        return bin
    }

    /// The identity of the environment `spec` needs on this host.
    func hash(of spec: CondaSpec, python: HostPython) -> String {
        let text = ([Self.recipe, python.executable, python.version] + spec.requirements).joined(separator: "\n")
        return String(RandomToken.hex(SHA256.hash(data: Array(text.utf8))).prefix(16))
    }

    /// What `environment(for:)` found or built.
    struct Prepared: Sendable, Hashable {
        /// The environment's folder (through its published link).
        var path: String
        /// Whether this call built it (rather than finding it ready or joining another job's build).
        var built: Bool
        /// Whether another job's build was joined.
        var joined: Bool
    }

    /// The virtual environment for `spec`: the published one, or a new build (shared with concurrent callers).
    /// `note` receives progress lines for the job's log.
    func environment(for spec: CondaSpec, note: @Sendable (String) -> Void) async throws -> Prepared {
        let python = try await hostPython()
        let hash = hash(of: spec, python: python)
        let link = root + "/" + hash
        if isReady(link) { return Prepared(path: link, built: false, joined: false) }
        note(
            "environment \(hash): building a virtual environment with \(spec.requirements.count) pip requirement(s) "
                + "on Python \(python.version)")
        let root = root
        let environment = baseEnvironment
        let (path, joined) = try await builds.value(for: hash) {
            try await Self.build(hash: hash, spec: spec, python: python, root: root, environment: environment)
        }
        return Prepared(path: path, built: !joined, joined: joined)
    }

    /// Removes what crashed builds left: environment folders no published link points to, and stray temporary
    /// links. Call it before any build starts.
    func removeUnpublished() {
        let names = FileTree.names(in: root)
        let published = Set(
            names.filter { !$0.contains(".") && FileTree.kind(root + "/" + $0) == .symbolicLink }.compactMap {
                FileTree.linkTarget(root + "/" + $0)
            })
        for name in names where name.contains(".") && !name.hasSuffix(".log") {
            let path = root + "/" + name
            switch FileTree.kind(path) {
            case .directory where !published.contains(name): FileTree.remove(path)
            case .symbolicLink where name.contains(".tmp-link-"): unlink(path)
            default: break
            }
        }
    }

    /// Stops the builds in flight (on shutdown).
    func cancelBuilds() async {
        await builds.cancelAll()
    }

    private func isReady(_ link: String) -> Bool {
        FileTree.kind(link) == .symbolicLink && FileTree.exists(link + "/bin/python")
            && FileTree.exists(link + "/deploy-environment.json")
    }

    /// Builds in `<root>/<hash>.<random>`, logging to `<root>/logs/<hash>.<random>.log`, then publishes the link.
    private static func build(
        hash: String, spec: CondaSpec, python: HostPython, root: String, environment: [String: String]
    ) async throws -> String {
        let link = root + "/" + hash
        if FileTree.kind(link) == .symbolicLink && FileTree.exists(link + "/deploy-environment.json") { return link }
        let name = hash + "." + RandomToken.hex(RandomToken.bytes(4))
        let folder = root + "/" + name
        let log = LogFile(path: root + "/logs/" + name + ".log")
        for path in [root + "/logs"] {
            let code = POSIXFile.makeDirectories(path)
            if code != 0 { throw LocalWorkspaceError.io("cannot create the folder", path: path, errno: code) }
        }
        var succeeded = false
        defer { if !succeeded { FileTree.remove(folder) } }
        var arguments = ["-m", "venv"]
        if spec.requirements.isEmpty { arguments.append("--without-pip") }
        arguments.append(folder)
        try await step(
            "creating the virtual environment", python.executable, arguments, log: log, root: root,
            environment: environment)
        if !spec.requirements.isEmpty {
            let requirements = folder + "/deploy-requirements.txt"
            try writeFile(requirements, spec.requirements.joined(separator: "\n") + "\n")
            var pipEnvironment = environment
            pipEnvironment["PIP_NO_INPUT"] = "1"
            pipEnvironment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
            pipEnvironment["VIRTUAL_ENV"] = folder
            try await step(
                "installing the pip requirements", folder + "/bin/python",
                ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-r", requirements], log: log,
                root: root, environment: pipEnvironment)
        }
        let manifest: JSONValue = [
            "recipe": .string(recipe), "python": .string(python.executable), "pythonVersion": .string(python.version),
            "requirements": .array(spec.requirements.map(JSONValue.string)),
            "skippedCondaPackages": .array(spec.skipped.map(JSONValue.string)),
            "builtAt": .string(Timestamp.iso8601(Timestamp.now())),
        ]
        try writeFile(folder + "/deploy-environment.json", manifest.serialized(.pretty) + "\n")
        let code = FileTree.publishLink(link, to: name)
        if code != 0 { throw LocalWorkspaceError.io("cannot publish the environment", path: link, errno: code) }
        succeeded = true
        log.append("environment \(hash) is ready: \(folder)")
        return link
    }

    /// Runs one build command into the log; a failure names the step and quotes the log's last lines.
    private static func step(
        _ what: String, _ executable: String, _ arguments: [String], log: LogFile, root: String,
        environment: [String: String]
    ) async throws {
        log.append("$ " + ([executable] + arguments).joined(separator: " "))
        let start = log.size
        let process = ChildProcess(
            executable: executable, arguments: arguments, environment: environment, workingDirectory: root,
            logPath: log.path)
        let termination = try await process.run { _ in }
        guard termination != .exited(0) else { return }
        let how =
            switch termination {
            case .exited(let code): "exited with code \(code)"
            case .signaled(let signal): "was killed by signal \(signal)"
            }
        throw LocalWorkspaceError.environment(
            "building the environment failed while \(what): the command \(how). Build log: \(log.path). Last "
                + "lines:\n\(log.tail(lines: 20, from: start))")
    }

    private static func writeFile(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LocalWorkspaceError.io("cannot write", path: path, errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw LocalWorkspaceError.io("cannot write", path: path, errno: errno) }
    }
}
