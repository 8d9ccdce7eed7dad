public import AzureML

/// A reference the plan resolved to one version: `azureml:iris@latest → data.iris:3`, pinned so that applying the
/// plan sends what was reviewed even if a newer version appears meanwhile.
public struct PinnedReference: Sendable, Hashable {
    /// The value as written in the manifest.
    public var reference: String
    /// The address of what it resolved to (`data.iris:3`).
    public var resolved: String
    /// Where the manifest names it.
    public var source: SourceLocation

    /// A pinned reference.
    public init(reference: String, resolved: String, source: SourceLocation) {
        self.reference = reference
        self.resolved = resolved
        self.source = source
    }
}
