/// Where jobs get their Python from.
public enum EnvironmentMode: String, Sendable, Hashable, CaseIterable {
    /// One virtual environment per environment definition, built from its conda file's pip dependencies.
    case build
    /// The host's `python3` for every job; nothing is built (`deploy serve --env-mode host`).
    case host
}
