/// Escaping and minimal reading of the XML Azure Storage speaks (List Blobs results, block lists).
enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// Undoes `escape` (and numeric character references).
    static func unescape(_ text: Substring) -> String? {
        guard text.contains("&") else { return String(text) }
        var output = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { return nil }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": output += "&"
            case "lt": output += "<"
            case "gt": output += ">"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let digits = entity.dropFirst()
                let value =
                    entity.hasPrefix("#x")
                    ? UInt32(digits.dropFirst(), radix: 16) : entity.hasPrefix("#") ? UInt32(digits) : nil
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                output.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    /// The block ids of a Put Block List body, `<BlockList><Latest>id</Latest><Uncommitted>...</BlockList>`, in
    /// order with the list each came from; `nil` when the body is not such a document.
    static func blockList(_ text: String) -> [(list: String, id: String)]? {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        rest = rest.drop { $0.isWhitespace }
        if rest.hasPrefix("<?xml") {
            guard let end = rest.firstRange(of: "?>") else { return nil }
            rest = rest[end.upperBound...].drop { $0.isWhitespace }
        }
        guard rest.hasPrefix("<BlockList>") else { return nil }
        rest = rest.dropFirst("<BlockList>".count)
        var blocks: [(String, String)] = []
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("</BlockList>") {
                return rest.dropFirst("</BlockList>".count).allSatisfy(\.isWhitespace) ? blocks : nil
            }
            guard let tagEnd = rest.firstIndex(of: ">"), rest.first == "<" else { return nil }
            let tag = String(rest[rest.index(after: rest.startIndex)..<tagEnd])
            guard ["Latest", "Committed", "Uncommitted"].contains(tag) else { return nil }
            rest = rest[rest.index(after: tagEnd)...]
            guard let close = rest.firstRange(of: "</\(tag)>"), let id = unescape(rest[..<close.lowerBound]) else {
                return nil
            }
            blocks.append((tag, id))
            rest = rest[close.upperBound...]
        }
    }
}
