/// One entry of a job's `inputs`: a literal value, or data or a model given by path.
public enum InputSpec: Sendable {
    /// A literal (`lr: 0.01`, or the mapping form `{value: 0.01}`); sent as Python's `str()` of the value.
    case literal(LiteralValue)
    /// Data or a model: `{type, path, mode, ...}`.
    case asset(AssetInput)
}
