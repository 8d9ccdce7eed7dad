/// A failure of a `deploy jobs` command, printed as `error: <message>` with exit status 1.
struct JobsCommandError: Error, CustomStringConvertible {
    /// What went wrong, for the user.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
