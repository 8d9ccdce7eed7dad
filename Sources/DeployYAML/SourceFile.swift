/// The bytes of one YAML source and the name it is reported under (a path as the user gave it, or `--set`).
///
/// Nodes keep a reference to their source so diagnostics can quote the offending line and scalars can map a
/// character of their value back to a position.
public final class SourceFile: Sendable {
    /// The name printed in diagnostics, usually the path as given on the command line.
    public let name: String
    /// The raw bytes, byte order mark included.
    public let bytes: [UInt8]
    /// 3 when the bytes start with a UTF-8 byte order mark, otherwise 0.
    public let byteOrderMarkLength: Int

    /// A source with the given name and bytes.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.byteOrderMarkLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// A source with the given name and text.
    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The empty source of nodes built in code rather than parsed.
    public static let generated = SourceFile(name: "<generated>", bytes: [])

    /// The text of the line holding `mark`, without its line break; `nil` when the mark lies outside the source.
    public func line(at mark: Mark) -> String? {
        let offset = mark.offset
        guard offset >= byteOrderMarkLength, offset <= bytes.count else { return nil }
        var start = offset
        while start > byteOrderMarkLength, breakLength(endingAt: start) == 0 { start -= 1 }
        var end = offset
        while end < bytes.count, breakLength(startingAt: end) == 0 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The mark of a byte offset, counting lines and columns from `origin` (a mark at or before the offset).
    public func mark(atByteOffset offset: Int, from origin: Mark? = nil) -> Mark {
        let target = min(max(offset, byteOrderMarkLength), bytes.count)
        var mark = origin ?? Mark(line: 1, column: 1, offset: byteOrderMarkLength)
        if mark.offset > target { mark = Mark(line: 1, column: 1, offset: byteOrderMarkLength) }
        var index = mark.offset
        while index < target {
            let width = breakLength(startingAt: index)
            if width > 0 {
                index += width
                mark.line += 1
                mark.column = 1
            } else {
                index += 1
                while index < target, bytes[index] & 0xC0 == 0x80 { index += 1 }
                mark.column += 1
            }
        }
        mark.offset = index
        return mark
    }

    /// The length of the line break (`\n`, `\r\n`, `\r`, NEL, LS or PS, which libyaml all count) at `index`, or 0.
    func breakLength(startingAt index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the line break that ends just before `index`, or 0.
    func breakLength(endingAt index: Int) -> Int {
        guard index > 0 else { return 0 }
        switch bytes[index - 1] {
        case 0x0A, 0x0D: return 1
        case 0x85: return index >= 2 && bytes[index - 2] == 0xC2 ? 2 : 0
        case 0xA8, 0xA9: return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
