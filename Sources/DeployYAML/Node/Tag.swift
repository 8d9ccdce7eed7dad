/// A YAML tag in its expanded form, such as `tag:yaml.org,2002:str` for `!!str`, or `!` for the non-specific tag.
public struct Tag: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The expanded tag text.
    public var rawValue: String

    /// A tag from its expanded text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A tag from its expanded text.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A tag from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The prefix that `!!` stands for.
    public static let yamlPrefix = "tag:yaml.org,2002:"

    /// `!!str`.
    public static let str = Tag(yamlPrefix + "str")
    /// `!!int`.
    public static let int = Tag(yamlPrefix + "int")
    /// `!!float`.
    public static let float = Tag(yamlPrefix + "float")
    /// `!!bool`.
    public static let bool = Tag(yamlPrefix + "bool")
    /// `!!null`.
    public static let null = Tag(yamlPrefix + "null")
    /// `!!timestamp`.
    public static let timestamp = Tag(yamlPrefix + "timestamp")
    /// `!!seq`.
    public static let seq = Tag(yamlPrefix + "seq")
    /// `!!map`.
    public static let map = Tag(yamlPrefix + "map")
    /// `!!merge`, the tag of the `<<` key.
    public static let merge = Tag(yamlPrefix + "merge")
    /// `!!value`, the tag PyYAML gives a plain `=`.
    public static let value = Tag(yamlPrefix + "value")
    /// `!`, the non-specific tag; PyYAML resolves a `!`-tagged scalar as if it were plain.
    public static let nonSpecific = Tag("!")

    /// The short form (`!!str`) for tags under `tag:yaml.org,2002:`, otherwise the expanded text.
    public var description: String {
        rawValue.hasPrefix(Tag.yamlPrefix) ? "!!" + rawValue.dropFirst(Tag.yamlPrefix.count) : rawValue
    }
}
