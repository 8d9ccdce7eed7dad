extension Node {
    /// The source position of the character at `offset` in this scalar's value, `offset` counted in Unicode
    /// scalars of `scalar.text`; `offset == text.count` gives the position just after the last character.
    ///
    /// Exact for plain, single- and double-quoted scalars on one or more lines, and for literal block scalars:
    /// folded line breaks map to the end of the line they replace, `''` and escape sequences map to their first
    /// character. Folded (`>`) block scalars are exact except that a run of kept line breaks maps to the first
    /// lines of the run. Falls back to the last position it could establish (the node's start at worst) when the
    /// source does not match the value, for instance for nodes built in code.
    public func mark(atValueOffset offset: Int) -> Mark {
        guard case .scalar(let scalar) = content, offset >= 0 else { return start }
        let value = Array(scalar.text.unicodeScalars)
        let target = min(offset, value.count)
        let walker = ValueWalker(bytes: file.bytes, value: value, style: scalar.style)
        guard let tokenStart = walker.tokenStart(at: start.offset),
            let byteOffset = walker.offset(of: target, from: tokenStart)
        else { return start }
        return file.mark(atByteOffset: byteOffset, from: start)
    }
}

/// Walks a scalar's source and its value side by side, undoing quoting, escapes, indentation and line folding.
struct ValueWalker {
    let bytes: [UInt8]
    let value: [Unicode.Scalar]
    let style: Node.Scalar.Style

    /// The offset of the scalar itself, after any `!tag` and `&anchor` properties starting at `offset`.
    func tokenStart(at offset: Int) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "&") {
            while index < bytes.count, !isBlankOrBreak(index) { index += 1 }
            index = skipSeparation(index)
        }
        return index < bytes.count || value.isEmpty ? index : nil
    }

    /// Skips spaces, tabs, line breaks and comments between properties and the scalar.
    private func skipSeparation(_ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if isBlankOrBreak(index) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, breakLength(index) == 0 { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// The byte offset of value scalar `target`, walking from the scalar's first byte; `nil` when lost.
    func offset(of target: Int, from tokenStart: Int) -> Int? {
        var source = tokenStart
        var lastGood = tokenStart
        var blockIndent = 0
        switch style {
        case .singleQuoted, .doubleQuoted:
            source += 1
        case .literal, .folded:
            while source < bytes.count, breakLength(source) == 0 { source += 1 }
            source += breakLength(source)
            blockIndent = blockIndentation(contentStart: source)
            source = skipIndentation(source, blockIndent)
        case .plain:
            break
        }
        lastGood = source
        var index = 0
        while true {
            let character: Unicode.Scalar? = index < value.count ? value[index] : nil
            if index == target, character == nil { return source }
            guard source < bytes.count else { return lastGood }
            let lineBreak = breakLength(source)
            if lineBreak > 0 {
                // A line break yields a space or a newline in the value, or nothing when folding drops it.
                let yields = character == "\n" || character == " "
                if yields, index == target { return source }
                source += lineBreak
                source = isBlock ? skipIndentation(source, blockIndent) : skipBlanks(source)
                if yields { index += 1 }
                lastGood = source
                continue
            }
            if style == .doubleQuoted, bytes[source] == UInt8(ascii: "\\"), breakLength(source + 1) > 0 {
                source = skipBlanks(source + 1 + breakLength(source + 1))
                continue
            }
            let (scalar, width) = decode(source)
            if !isBlock, scalar == " " || scalar == "\t", character != scalar {
                // White space before a folded line break is not part of the value.
                var ahead = source
                while ahead < bytes.count, bytes[ahead] == 0x20 || bytes[ahead] == 0x09 { ahead += 1 }
                if breakLength(ahead) > 0 {
                    source = ahead
                    continue
                }
            }
            if index == target { return source }
            guard let character else { return lastGood }
            if style == .doubleQuoted, scalar == "\\" {
                switch source + 1 < bytes.count ? bytes[source + 1] : 0 {
                case UInt8(ascii: "x"): source += 4
                case UInt8(ascii: "u"): source += 6
                case UInt8(ascii: "U"): source += 10
                default: source += 2
                }
            } else if style == .singleQuoted, scalar == "'", character == "'" {
                source += 2
            } else if scalar == character {
                source += width
            } else {
                return lastGood
            }
            index += 1
            lastGood = source
        }
    }

    private var isBlock: Bool { style == .literal || style == .folded }

    /// The indentation of a block scalar's content: the first non-blank line's leading spaces, less the leading
    /// spaces the value itself starts with (those belong to a more-indented first line).
    private func blockIndentation(contentStart: Int) -> Int {
        var line = contentStart
        while line < bytes.count {
            var index = line
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            let width = breakLength(index)
            if width == 0 {
                let valueSpaces = value.drop(while: { $0 == "\n" }).prefix(while: { $0 == " " }).count
                return max(0, index - line - valueSpaces)
            }
            line = index + width
        }
        return 0
    }

    private func skipIndentation(_ start: Int, _ indent: Int) -> Int {
        var index = start
        while index < bytes.count, index - start < indent, bytes[index] == 0x20 { index += 1 }
        return index
    }

    private func skipBlanks(_ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    private func isBlankOrBreak(_ index: Int) -> Bool {
        bytes[index] == 0x20 || bytes[index] == 0x09 || breakLength(index) > 0
    }

    private func breakLength(_ index: Int) -> Int {
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

    /// The Unicode scalar at `index` and its UTF-8 length (invalid bytes decode as U+FFFD, one byte).
    private func decode(_ index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + width <= bytes.count else { return ("\u{FFFD}", 1) }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + width)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, width) }
        return ("\u{FFFD}", 1)
    }
}
