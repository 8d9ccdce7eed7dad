/// One YAML node: a scalar, a sequence or a mapping, with its tag, its position and its source.
///
/// Anchors, aliases and merge keys are already resolved when the parser hands out a tree, so a `Node` is plain
/// data. Equality compares content, tags and scalar styles, never positions or sources.
public struct Node: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar's text and style.
        case scalar(Scalar)
        /// A sequence's items in order.
        case sequence([Node])
        /// A mapping's key/value pairs in order.
        case mapping([Pair])
    }

    /// What the node holds.
    public var content: Content
    /// The explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`); `nil` when the node has none.
    public var tag: Tag?
    /// Where the node starts (its tag or anchor, if it has one).
    public var start: Mark
    /// Where the node ends.
    public var end: Mark
    /// The source the node was read from.
    public var file: SourceFile

    /// A node with the given content; the marks default to the start of `file`.
    public init(
        _ content: Content, tag: Tag? = nil, start: Mark = Mark(), end: Mark? = nil, file: SourceFile = .generated
    ) {
        self.content = content
        self.tag = tag
        self.start = start
        self.end = end ?? start
        self.file = file
    }

    /// A scalar node.
    public init(
        scalar text: String, style: Scalar.Style = .plain, tag: Tag? = nil, start: Mark = Mark(), end: Mark? = nil,
        file: SourceFile = .generated
    ) {
        self.init(.scalar(Scalar(text, style: style)), tag: tag, start: start, end: end, file: file)
    }

    /// A sequence node.
    public init(
        sequence items: [Node], tag: Tag? = nil, start: Mark = Mark(), end: Mark? = nil, file: SourceFile = .generated
    ) {
        self.init(.sequence(items), tag: tag, start: start, end: end, file: file)
    }

    /// A mapping node.
    public init(
        mapping pairs: [Pair], tag: Tag? = nil, start: Mark = Mark(), end: Mark? = nil, file: SourceFile = .generated
    ) {
        self.init(.mapping(pairs), tag: tag, start: start, end: end, file: file)
    }

    /// The name of the source the node was read from (a path as given).
    public var source: String { file.name }
}
