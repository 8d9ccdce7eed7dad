/// The part of PyYAML 6's serializer and emitter that `yaml.dump(data, sort_keys=True)` exercises with default
/// options: block style (empty collections in flow style), indent 2, width 80, `allow_unicode=False` (so any
/// character outside printable ASCII forces a double-quoted, escaped scalar), anchors `&id001` for objects met
/// twice. The emitter's decisions and line folding follow PyYAML's `Emitter` step by step; only the states that
/// these options can reach are present.
struct PyYAMLDumper {
    private static let bestIndent = 2
    private static let bestWidth = 80

    private var output = String.UnicodeScalarView()
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var openEnded = false
    private var indent: Int?
    private var indents: [Int?] = []
    private var flowLevel = 0
    private var anchors: [ObjectIdentifier: String] = [:]
    private var serialized: Set<ObjectIdentifier> = []

    /// The text `yaml.dump` returns for one document.
    static func dump(_ root: RepresentedNode) -> String {
        var dumper = PyYAMLDumper()
        var lastAnchor = 0
        var seen: Set<ObjectIdentifier> = []
        dumper.assignAnchors(root, seen: &seen, last: &lastAnchor)
        dumper.emit(root, root: true, sequence: false, mapping: false, simpleKey: false)
        dumper.writeIndent()
        if dumper.openEnded {
            dumper.writeIndicator("...", needWhitespace: true)
            dumper.writeIndent()
        }
        return String(dumper.output)
    }

    /// `Serializer.anchor_node`: a collection met a second time gets the next `id%03d` anchor.
    private mutating func assignAnchors(_ node: RepresentedNode, seen: inout Set<ObjectIdentifier>, last: inout Int) {
        let id = ObjectIdentifier(node)
        if seen.contains(id) {
            if anchors[id] == nil {
                last += 1
                let digits = String(last)
                anchors[id] = "id" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            }
            return
        }
        switch node.content {
        case .scalar: return
        case .sequence(let items):
            seen.insert(id)
            for item in items { assignAnchors(item, seen: &seen, last: &last) }
        case .mapping(let pairs):
            seen.insert(id)
            for pair in pairs {
                assignAnchors(pair.key, seen: &seen, last: &last)
                assignAnchors(pair.value, seen: &seen, last: &last)
            }
        }
    }

    // MARK: - Nodes

    private mutating func emit(_ node: RepresentedNode, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) {
        let id = ObjectIdentifier(node)
        let anchor = anchors[id]
        if let anchor, serialized.contains(id) {
            writeIndicator("*" + anchor, needWhitespace: true)
            return
        }
        serialized.insert(id)
        if let anchor { writeIndicator("&" + anchor, needWhitespace: true) }
        switch node.content {
        case .scalar(let tag, let text):
            increaseIndent(flow: true)
            emitScalar(tag: tag, text: text, root: root, simpleKey: simpleKey)
            indent = indents.removeLast()
        case .sequence(let items):
            if flowLevel > 0 || items.isEmpty {
                emitEmptyFlow(open: "[", close: "]")
            } else {
                increaseIndent(flow: false, indentless: mapping && !indention)
                for item in items {
                    writeIndent()
                    writeIndicator("-", needWhitespace: true, indention: true)
                    emit(item, root: false, sequence: true, mapping: false, simpleKey: false)
                }
                indent = indents.removeLast()
            }
        case .mapping(let pairs):
            if flowLevel > 0 || pairs.isEmpty {
                emitEmptyFlow(open: "{", close: "}")
            } else {
                increaseIndent(flow: false)
                for pair in pairs {
                    writeIndent()
                    if isSimpleKey(pair.key) {
                        emit(pair.key, root: false, sequence: false, mapping: true, simpleKey: true)
                        writeIndicator(":", needWhitespace: false)
                    } else {
                        writeIndicator("?", needWhitespace: true, indention: true)
                        emit(pair.key, root: false, sequence: false, mapping: true, simpleKey: false)
                        writeIndent()
                        writeIndicator(":", needWhitespace: true, indention: true)
                    }
                    emit(pair.value, root: false, sequence: false, mapping: true, simpleKey: false)
                }
                indent = indents.removeLast()
            }
        }
    }

    /// Only empty collections are written in flow style when `default_flow_style=False`.
    private mutating func emitEmptyFlow(open: String, close: String) {
        writeIndicator(open, needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        indent = indents.removeLast()
        flowLevel -= 1
        writeIndicator(close, needWhitespace: false)
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool = false) {
        indents.append(indent)
        if let current = indent {
            if !indentless { indent = current + PyYAMLDumper.bestIndent }
        } else {
            indent = flow ? PyYAMLDumper.bestIndent : 0
        }
    }

    /// `check_simple_key`: the tag (always present, `!!str` and the like) and text must stay under 128
    /// characters, and the scalar must be neither empty nor multi-line. Collections are never keys here.
    private func isSimpleKey(_ node: RepresentedNode) -> Bool {
        let anchorLength = anchors[ObjectIdentifier(node)].map { $0.count } ?? 0
        guard case .scalar(let tag, let text) = node.content else { return false }
        let analysis = ScalarAnalysis(text)
        let length = anchorLength + tag.description.count + text.count
        return length < 128 && !analysis.empty && !analysis.multiline
    }

    // MARK: - Scalars

    private enum Style { case plain, singleQuoted, doubleQuoted }

    private mutating func emitScalar(tag: Tag, text: [Unicode.Scalar], root: Bool, simpleKey: Bool) {
        let analysis = ScalarAnalysis(text)
        let textString = String(String.UnicodeScalarView(text))
        let detected = PyYAMLDumper.implicitTag(textString)
        let plainImplicit = tag == detected
        let quotedImplicit = tag == .str
        var style = Style.doubleQuoted
        if plainImplicit, !(simpleKey && (analysis.empty || analysis.multiline)),
            flowLevel > 0 ? analysis.allowFlowPlain : analysis.allowBlockPlain
        {
            style = .plain
        } else if analysis.allowSingleQuoted, !(simpleKey && analysis.multiline) {
            style = .singleQuoted
        }
        if !((style == .plain && plainImplicit) || (style != .plain && quotedImplicit)) {
            writeIndicator(tag.description, needWhitespace: true)
        }
        let split = !simpleKey
        switch style {
        case .plain: writePlain(text, split: split, root: root)
        case .singleQuoted: writeSingleQuoted(text, split: split)
        case .doubleQuoted: writeDoubleQuoted(text, split: split)
        }
    }

    /// The tag PyYAML's resolver gives `text` as a plain scalar.
    static func implicitTag(_ text: String) -> Tag {
        switch ImplicitType(text) {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .timestamp: return .timestamp
        case .merge: return .merge
        case .value: return .value
        case .string: return .str
        }
    }

    // MARK: - Writers

    private mutating func write<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
        output.append(contentsOf: scalars)
    }

    private mutating func write(_ text: String) {
        output.append(contentsOf: text.unicodeScalars)
    }

    private mutating func writeIndicator(
        _ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false
    ) {
        let data = self.whitespace || !needWhitespace ? indicator : " " + indicator
        self.whitespace = whitespace
        self.indention = self.indention && indention
        column += data.unicodeScalars.count
        openEnded = false
        write(data)
    }

    private mutating func writeIndent() {
        let target = indent ?? 0
        if !indention || column > target || (column == target && !whitespace) {
            writeLineBreak()
        }
        if column < target {
            whitespace = true
            write(String(repeating: " ", count: target - column))
            column = target
        }
    }

    private mutating func writeLineBreak(_ data: Unicode.Scalar = "\n") {
        whitespace = true
        indention = true
        column = 0
        output.append(data)
    }

    private static func isBreak(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Writes `text[start..<end]` and advances the column.
    private mutating func writeRun(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) {
        write(text[start..<end])
        column += end - start
    }

    /// Writes the breaks `text[start..<end]`, doubling a leading `\n` as the folding rules require.
    private mutating func writeBreaks(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) {
        if text[start] == "\n" { writeLineBreak() }
        for scalar in text[start..<end] { writeLineBreak(scalar) }
        writeIndent()
    }

    private mutating func writePlain(_ text: [Unicode.Scalar], split: Bool, root: Bool) {
        if root { openEnded = true }
        if text.isEmpty { return }
        if !whitespace {
            write(" ")
            column += 1
        }
        whitespace = false
        indention = false
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end, column > PyYAMLDumper.bestWidth, split {
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        writeRun(text, start, end)
                    }
                    start = end
                }
            } else if breaks {
                if !PyYAMLDumper.isBreak(ch) {
                    writeBreaks(text, start, end)
                    whitespace = false
                    indention = false
                    start = end
                }
            } else if ch == nil || ch == " " || PyYAMLDumper.isBreak(ch) {
                writeRun(text, start, end)
                start = end
            }
            if let ch {
                spaces = ch == " "
                breaks = PyYAMLDumper.isBreak(ch)
            }
            end += 1
        }
    }

    private mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("'", needWhitespace: true)
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end, column > PyYAMLDumper.bestWidth, split, start != 0, end != text.count {
                        writeIndent()
                    } else {
                        writeRun(text, start, end)
                    }
                    start = end
                }
            } else if breaks {
                if !PyYAMLDumper.isBreak(ch) {
                    writeBreaks(text, start, end)
                    start = end
                }
            } else if ch == nil || ch == " " || PyYAMLDumper.isBreak(ch) || ch == "'" {
                if start < end {
                    writeRun(text, start, end)
                    start = end
                }
            }
            if ch == "'" {
                write("''")
                column += 2
                start = end + 1
            }
            if let ch {
                spaces = ch == " "
                breaks = PyYAMLDumper.isBreak(ch)
            }
            end += 1
        }
        writeIndicator("'", needWhitespace: false)
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v", "\u{0C}": "f",
        "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_", "\u{2028}": "L",
        "\u{2029}": "P",
    ]

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        if let short = escapes[scalar] { return "\\" + short }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let (prefix, width) = scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
        return "\\" + prefix + String(repeating: "0", count: width - hex.count) + hex
    }

    private mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("\"", needWhitespace: true)
        var start = 0
        var end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            let needsEscape: Bool
            if let ch {
                needsEscape =
                    ch == "\"" || ch == "\\" || ch == "\u{85}" || ch == "\u{2028}" || ch == "\u{2029}"
                    || ch == "\u{FEFF}" || !(0x20...0x7E).contains(ch.value)
            } else {
                needsEscape = true
            }
            if needsEscape {
                if start < end {
                    writeRun(text, start, end)
                    start = end
                }
                if let ch {
                    let data = PyYAMLDumper.escaped(ch)
                    column += data.unicodeScalars.count
                    write(data)
                    start = end + 1
                }
            }
            if end > 0, end < text.count - 1, ch == " " || start >= end,
                column + (end - start) > PyYAMLDumper.bestWidth, split
            {
                var data = Array(text[start..<max(start, end)])
                data.append("\\")
                if start < end { start = end }
                column += data.count
                write(data)
                writeIndent()
                whitespace = false
                indention = false
                if text[start] == " " {
                    write("\\")
                    column += 1
                }
            }
            end += 1
        }
        writeIndicator("\"", needWhitespace: false)
    }
}

/// PyYAML's `Emitter.analyze_scalar` with `allow_unicode=False`: which styles can write a text unchanged.
struct ScalarAnalysis {
    var empty = false
    var multiline = false
    var allowFlowPlain = true
    var allowBlockPlain = true
    var allowSingleQuoted = true

    init(_ text: [Unicode.Scalar]) {
        guard !text.isEmpty else {
            empty = true
            allowFlowPlain = false
            return
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\0" || scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        func isBreak(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        let prefix = String(String.UnicodeScalarView(text.prefix(3)))
        if prefix == "---" || prefix == "..." {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = text.count == 1 || isSpace(text[1])
        var previousSpace = false
        var previousBreak = false
        for (index, ch) in text.enumerated() {
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if ch == "?" || ch == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if ch == "-" && followedByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            } else {
                if ",?[]{}".unicodeScalars.contains(ch) { flowIndicators = true }
                if ch == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if ch == "#" && precededByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            }
            if isBreak(ch) { lineBreaks = true }
            if !(ch == "\n" || (0x20...0x7E).contains(ch.value)) { specialCharacters = true }
            if ch == " " {
                if index == 0 { leadingSpace = true }
                if index == text.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak(ch) {
                if index == 0 { leadingBreak = true }
                if index == text.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = isSpace(ch)
            followedByWhitespace = index + 2 >= text.count || isSpace(text[index + 2])
        }
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            allowFlowPlain = false
            allowBlockPlain = false
        }
        if breakSpace {
            allowFlowPlain = false
            allowBlockPlain = false
            allowSingleQuoted = false
        }
        if spaceBreak || specialCharacters {
            allowFlowPlain = false
            allowBlockPlain = false
            allowSingleQuoted = false
        }
        if lineBreaks {
            allowFlowPlain = false
            allowBlockPlain = false
        }
        if flowIndicators { allowFlowPlain = false }
        if blockIndicators { allowBlockPlain = false }
        multiline = lineBreaks
    }
}
