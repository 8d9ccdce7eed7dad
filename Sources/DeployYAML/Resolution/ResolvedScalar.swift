/// The value PyYAML's `SafeLoader` constructs from a scalar, which is how the Azure ML tooling reads manifests.
public enum ResolvedScalar: Sendable, Hashable {
    /// `~`, `null`, `Null`, `NULL`, an empty plain scalar, or anything tagged `!!null`.
    case null
    /// `true`/`false`, `yes`/`no`, `on`/`off` in lower, capitalized or upper case.
    case bool(Bool)
    /// An integer that fits in 64 bits: decimal, `0x`, `0b`, leading-zero octal, underscores, sexagesimal.
    case int(Int)
    /// An integer outside the 64-bit range, as decimal digits with a leading `-` when negative (Python keeps it).
    case bigInt(String)
    /// A float: it needs a dot (`1.0e+3`, not `1e3`), or is `.inf`, `-.inf`, `.nan`, or sexagesimal (`1:30.5`).
    case float(Double)
    /// Any other text, and every quoted or block scalar without a tag.
    case string(String)
    /// A date or date-time PyYAML would construct as `datetime.date`/`datetime.datetime`; the source text is kept.
    case timestamp(String)
}
