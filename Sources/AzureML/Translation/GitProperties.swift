/// The git provenance the SDK adds to every job's `properties` (`_job_ops_helper.get_git_properties`): the
/// repository URL, branch, commit and dirty flag of the working directory, each overridable by an `AZUREML_GIT_*`
/// environment variable, plus build id and URI from the environment only.
///
/// Collection is a pure function of the environment and a git runner, so tests (and the conformance check, where the
/// SDK ran outside a repository) are deterministic.
public struct GitProperties: Sendable, Hashable {
    /// `mlflow.source.git.repoURL`.
    public static let repositoryURLKey = "mlflow.source.git.repoURL"
    /// `mlflow.source.git.branch`.
    public static let branchKey = "mlflow.source.git.branch"
    /// `mlflow.source.git.commit`.
    public static let commitKey = "mlflow.source.git.commit"
    /// `azureml.git.dirty`.
    public static let dirtyKey = "azureml.git.dirty"
    /// `azureml.git.build_id`.
    public static let buildIDKey = "azureml.git.build_id"
    /// `azureml.git.build_uri`.
    public static let buildURIKey = "azureml.git.build_uri"

    /// One property.
    public struct Entry: Sendable, Hashable {
        /// The property name.
        public var key: String
        /// Its value.
        public var value: String

        /// An entry.
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The properties, in the SDK's order.
    public var entries: [Entry]

    /// Properties with the given entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// No git properties (outside a repository, or turned off).
    public static let none = GitProperties(entries: [])

    /// The property names.
    public var keys: [String] { entries.map(\.key) }

    /// Collects the properties as the SDK does. `runGit` runs `git` with the given arguments in the working directory
    /// and returns its standard output, or `nil` when git fails or is missing.
    public static func collect(environment: [String: String], runGit: ([String]) -> String?) -> GitProperties {
        var repository = environment["AZUREML_GIT_REPOSITORY_URI"]
        var branch = environment["AZUREML_GIT_BRANCH"]
        var commit = environment["AZUREML_GIT_COMMIT"]
        var dirty = environment["AZUREML_GIT_DIRTY"]
        let buildID = environment["AZUREML_GIT_BUILD_ID"]
        let buildURI = environment["AZUREML_GIT_BUILD_URI"]
        if cleanBool(runGit(["rev-parse", "--is-inside-work-tree"])) == true {
            // Python's `x or y`: an empty override counts as unset.
            if repository?.isEmpty ?? true { repository = runGit(["ls-remote", "--get-url"]) }
            if branch?.isEmpty ?? true { branch = runGit(["symbolic-ref", "--short", "HEAD"]) }
            if commit?.isEmpty ?? true { commit = runGit(["rev-parse", "HEAD"]) }
            if dirty?.isEmpty ?? true {
                // `git status --porcelain . and True`: empty output stays "" (False), any output becomes True.
                dirty = runGit(["status", "--porcelain", "."]).map { $0.isEmpty ? "" : "true" }
            }
        }
        var entries: [Entry] = []
        if let value = cleanString(repository) { entries.append(Entry(repositoryURLKey, value)) }
        if let value = cleanString(branch) { entries.append(Entry(branchKey, value)) }
        if let value = cleanString(commit) { entries.append(Entry(commitKey, value)) }
        if let value = cleanBool(dirty) { entries.append(Entry(dirtyKey, value ? "True" : "False")) }
        if let value = cleanString(buildID) { entries.append(Entry(buildIDKey, value)) }
        if let value = cleanString(buildURI) { entries.append(Entry(buildURIKey, value)) }
        return GitProperties(entries: entries)
    }

    /// What the SDK adds to a job whose `properties` already hold `existing`: nothing when any of these keys is
    /// already there (the service refuses changed property values); without the repository URL, branch, commit and
    /// dirty flag when the URL carries a secret (`has_pat_token`).
    public func applicable(toExisting existing: [String]) -> GitProperties {
        guard !entries.contains(where: { existing.contains($0.key) }) else { return .none }
        let url = entries.first { $0.key == Self.repositoryURLKey }?.value
        guard let url, Self.hasToken(url) else { return self }
        let secretKeys = [Self.repositoryURLKey, Self.branchKey, Self.commitKey, Self.dirtyKey]
        return GitProperties(entries: entries.filter { !secretKeys.contains($0.key) })
    }

    /// Whether a repository URL carries a personal access token: `https://token@host/...` or
    /// `https://host/token@...` (the SDK's `https://(?:[^/@]+/)?([^/@]+)@`).
    public static func hasToken(_ url: String) -> Bool {
        let scheme = Array("https://")
        let characters = Array(url)
        var start = 0
        while start + scheme.count <= characters.count {
            defer { start += 1 }
            guard Array(characters[start..<start + scheme.count]) == scheme else { continue }
            let rest = String(characters[(start + scheme.count)...])
            let segments = rest.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            // `[^/@]+@` directly, or after one `[^/@]+/` segment.
            if let first = segments.first, let at = first.firstIndex(of: "@"), at != first.startIndex { return true }
            if segments.count > 1, let first = segments.first, !first.isEmpty, !first.contains("@"),
                let at = segments[1].firstIndex(of: "@"), at != segments[1].startIndex
            {
                return true
            }
        }
        return false
    }

    /// `_clean_git_property_str`: stripped, `nil` when empty.
    static func cleanString(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingPythonWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `_clean_git_property_bool`: `nil` for `nil`, else whether the stripped text is `true` or `1`.
    static func cleanBool(_ value: String?) -> Bool? {
        guard let value else { return nil }
        let lowered = value.trimmingPythonWhitespace.lowercased()
        return lowered == "true" || lowered == "1"
    }
}

extension String {
    /// The string without leading and trailing white space, as Python's `str.strip()` (ASCII white space).
    var trimmingPythonWhitespace: String {
        let space: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !space.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space.contains($0) })!
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
