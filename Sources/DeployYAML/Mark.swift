/// A position in a YAML source: 1-based line and column (the column counts Unicode scalars) and the byte offset.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars (a tab counts as one).
    public var column: Int
    /// The 0-based byte offset from the start of the file, byte order mark included.
    public var offset: Int

    /// A mark at the given position.
    public init(line: Int = 1, column: Int = 1, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Orders marks by line, then column; the offset breaks ties between marks of different encodings.
    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column, lhs.offset) < (rhs.line, rhs.column, rhs.offset)
    }

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }
}
