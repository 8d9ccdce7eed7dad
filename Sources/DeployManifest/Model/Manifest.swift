/// One loaded manifest, typed by kind. A `Manifest` exists only for a file without errors, so every required
/// field is present and every value has the type the schema asks for.
public enum Manifest: Sendable {
    /// A command job.
    case command(CommandJob)
    /// A sweep job.
    case sweep(SweepJob)
    /// An environment asset.
    case environment(EnvironmentAsset)
    /// A data asset.
    case data(DataAsset)
    /// A code asset.
    case code(CodeAsset)
    /// An amlcompute cluster.
    case compute(ComputeCluster)

    /// The manifest's kind.
    public var kind: ManifestKind {
        switch self {
        case .command: return .command
        case .sweep: return .sweep
        case .environment: return .environment
        case .data: return .data
        case .code: return .code
        case .compute: return .compute
        }
    }
}
