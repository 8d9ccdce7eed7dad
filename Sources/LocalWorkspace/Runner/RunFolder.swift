/// The folder of one job's run, `<workspace>/runs/<job>/`: `code/` (the code snapshot, the command's working
/// folder), `outputs/<name>/` (one folder per output) and `user_logs/std_log.txt` (the command's standard output
/// and error, plus the runner's own lines starting with `deploy:`).
struct RunFolder: Sendable, Hashable {
    /// `<workspace>/runs/<job>`.
    var path: String

    init(workspaceDirectory: String, job: String) {
        path = workspaceDirectory + "/runs/" + job
    }

    /// The code snapshot, where the command runs.
    var code: String { path + "/code" }
    /// The parent of the output folders.
    var outputs: String { path + "/outputs" }
    /// The folder of output `name`.
    func output(_ name: String) -> String { outputs + "/" + name }
    /// The user log folder.
    var userLogs: String { path + "/user_logs" }
    /// The job's log.
    var log: LogFile { LogFile(path: userLogs + "/std_log.txt") }
}
