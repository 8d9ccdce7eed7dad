public import DeployYAML

/// An environment's `conda_file`. The SDK sends it re-dumped with sorted keys, so both forms keep the parsed YAML.
public enum CondaFile: Sendable {
    /// A path to a YAML file and the file's single document.
    case file(LocalPath, contents: Node)
    /// A mapping written inline in the manifest.
    case inline(Node)

    /// The conda YAML, whichever form it came in.
    public var contents: Node {
        switch self {
        case .file(_, let contents): return contents
        case .inline(let node): return node
        }
    }
}
