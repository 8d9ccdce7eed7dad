/// One line of an `.amlignore` or `.gitignore`, with the meaning azure-ai-ml 1.35.2 gives it: the gitwildmatch
/// pattern of the pathspec copy the SDK vendors (`azure/ai/ml/_utils/_pathspec.py`, `GitWildMatchPattern`).
///
/// Where that copy differs from git and from today's pathspec, the SDK's behaviour is kept: the line is stripped of
/// whitespace on both sides (so `foo\ ` is invalid, not `foo `), `[^...]` is a bracket matching a literal `^`, and
/// a lone `!` is an error.
public struct IgnorePattern: Sendable, Hashable {
    /// What a path that matches the pattern becomes.
    public enum Effect: Sendable, Hashable {
        /// The path is left out (a plain pattern).
        case exclude
        /// The path is kept again (a pattern negated with `!`).
        case include
    }

    /// The line as written.
    public let line: String
    /// `nil` for a comment, a blank line or a lone `/`: such a line matches nothing.
    public let effect: Effect?
    private let program: GlobProgram?

    /// Compiles one line; throws `invalidIgnorePattern` for lines the SDK rejects (a lone `!`, a trailing `\`, a
    /// reversed range such as `[z-a]`).
    public init(_ line: String) throws(AzureMLError) {
        self.line = line
        guard let (effect, tokens) = try Self.translate(line) else {
            effect = nil
            program = nil
            return
        }
        self.effect = effect
        program = GlobProgram(tokens: tokens)
    }

    /// Whether `relativePath` (POSIX, relative to the ignore file's folder, no leading `/`) matches; always `false`
    /// for a line without effect.
    public func matches(_ relativePath: String) -> Bool {
        matches(scalars: relativePath.unicodeScalars.map(\.value))
    }

    func matches(scalars: [UInt32]) -> Bool {
        program?.matches(scalars) ?? false
    }
}
