/// A position in a YAML source: 1-based line and column (the column counts Unicode scalars) and the byte offset.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Lines and columns are stored in 32 bits to keep nodes small; files beyond 4 billion lines are not read.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }
    /// The 1-based column, counted in Unicode scalars (a tab counts as one).
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }
    /// The 0-based byte offset from the start of the file, byte order mark included.
    public var offset: Int

    /// A mark at the given position.
    public init(line: Int = 1, column: Int = 1, offset: Int = 0) {
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
        self.offset = offset
    }

    /// Orders marks by line, then column; the offset breaks ties between marks of different encodings.
    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.storedLine, lhs.storedColumn, lhs.offset) < (rhs.storedLine, rhs.storedColumn, rhs.offset)
    }

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }
}
