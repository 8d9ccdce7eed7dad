/// A string value of a desired body that contains placeholders: `<pending-upload-container>/src`,
/// `{WS}/data/iris/versions/<latest>`.
public struct TemplateString: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A piece of the string.
    public enum Segment: Sendable, Hashable {
        /// Literal text.
        case text(String)
        /// A value a workspace supplies.
        case placeholder(Placeholder)
    }

    /// The pieces in order.
    public var segments: [Segment]

    /// A string of pieces.
    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// Literal text.
    public init(stringLiteral value: String) {
        self.segments = [.text(value)]
    }

    /// The placeholders, in order of appearance.
    public var placeholders: [Placeholder] {
        segments.compactMap { segment in
            if case .placeholder(let placeholder) = segment { return placeholder }
            return nil
        }
    }

    /// The text with every placeholder replaced from `values`; placeholders without a value keep their rendered
    /// form.
    public func resolved(_ values: [Placeholder: String]) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .placeholder(let placeholder): values[placeholder] ?? placeholder.description
            }
        }.joined()
    }

    /// The text with placeholders shown as `<...>`.
    public var description: String { resolved([:]) }

    /// This string followed by `other`.
    public static func + (lhs: TemplateString, rhs: TemplateString) -> TemplateString {
        TemplateString(lhs.segments + rhs.segments)
    }
}
