/// Plain data as Python holds it after `yaml.safe_load`: the shape PyYAML's `yaml.dump` writes back.
///
/// The Azure ML SDK re-dumps conda files with `yaml.dump(data, sort_keys=True)` before hashing them; `dump(_:)`
/// reproduces that text byte for byte.
public enum YAMLPlain: Sendable, Hashable {
    /// `None`.
    case null
    /// `bool`.
    case bool(Bool)
    /// `int` within 64 bits.
    case int(Int)
    /// `int` beyond 64 bits, as decimal digits with a leading `-` when negative.
    case bigInt(String)
    /// `float`.
    case float(Double)
    /// `str`.
    case string(String)
    /// `datetime.date` or `datetime.datetime`, as the ISO text PyYAML writes (`2001-12-14 21:59:43.100000-05:00`).
    case timestamp(String)
    /// `list`.
    case sequence([YAMLPlain])
    /// `dict`, in insertion order.
    case mapping([Pair])

    /// One `dict` entry.
    public struct Pair: Sendable, Hashable {
        /// The key; a scalar case, since Python keys must be hashable.
        public var key: YAMLPlain
        /// The value.
        public var value: YAMLPlain

        /// An entry.
        public init(_ key: YAMLPlain, _ value: YAMLPlain) {
            self.key = key
            self.value = value
        }
    }
}
