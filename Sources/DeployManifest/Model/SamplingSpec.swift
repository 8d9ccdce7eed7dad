/// A sweep's `sampling_algorithm`, in either form: the string `random`, or `{type: random, seed, rule, logbase}`.
public struct SamplingSpec: Sendable {
    /// `logbase` of random sampling: a number or a string such as `e`.
    public enum LogBase: Sendable, Hashable {
        /// A number.
        case number(SweepNumber)
        /// A string.
        case string(String)
    }

    /// The algorithm.
    public var type: Located<SamplingType>
    /// `seed` (random only).
    public var seed: Located<Int>?
    /// `rule` (random only).
    public var rule: Located<SamplingRule>?
    /// `logbase` (random only).
    public var logbase: Located<LogBase>?
    /// Whether the manifest used the bare string form.
    public var isShorthand: Bool

    /// A sampling algorithm with every field given.
    public init(
        type: Located<SamplingType>, seed: Located<Int>? = nil, rule: Located<SamplingRule>? = nil,
        logbase: Located<LogBase>? = nil, isShorthand: Bool
    ) {
        self.type = type
        self.seed = seed
        self.rule = rule
        self.logbase = logbase
        self.isShorthand = isShorthand
    }
}
