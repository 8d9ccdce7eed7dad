/// Something in the workspace a manifest names without creating it: an asset version, a label to resolve, an ARM
/// id, or a compute. A plan links it to another manifest of the same set, or reads it.
public struct WorkspaceReference: Sendable, Hashable {
    /// What is named.
    public enum Target: Sendable, Hashable {
        /// An asset by version or label (see `AssetReference`).
        case asset(AssetReference)
        /// A compute by name or id.
        case compute(ComputeTarget)
    }

    /// What is named.
    public var target: Target
    /// Where the manifest names it.
    public var source: SourceLocation

    /// A reference.
    public init(target: Target, source: SourceLocation) {
        self.target = target
        self.source = source
    }

    /// Whether a body cannot be written before the workspace answers (an `@latest` label).
    public var needsLookup: Bool {
        if case .asset(let reference) = target { return reference.needsLookup }
        return false
    }
}
