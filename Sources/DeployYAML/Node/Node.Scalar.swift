extension Node {
    /// A scalar's text as the YAML parser delivered it (quotes removed, escapes and folding applied) and its style.
    public struct Scalar: Sendable, Hashable {
        /// How a scalar was written in the source.
        public enum Style: String, Sendable, Hashable, CaseIterable {
            /// Unquoted; subject to implicit resolution (`true`, `12`, `null`).
            case plain
            /// `'text'`.
            case singleQuoted
            /// `"text"`, with escapes.
            case doubleQuoted
            /// `|` block scalar, line breaks kept.
            case literal
            /// `>` block scalar, line breaks folded.
            case folded
        }

        /// The scalar's value text.
        public var text: String
        /// How the scalar was written.
        public var style: Style

        /// A scalar with the given text and style.
        public init(_ text: String, style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }
}
