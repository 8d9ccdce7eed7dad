extension IgnorePattern {
    private static let slash: UInt32 = 0x2F
    private static let star: UInt32 = 0x2A
    private static let doubleStar: [UInt32] = [0x2A, 0x2A]
    private static let backslash: UInt32 = 0x5C
    private static let openBracket: UInt32 = 0x5B
    private static let closeBracket: UInt32 = 0x5D
    private static let bang: UInt32 = 0x21
    private static let caret: UInt32 = 0x5E
    private static let hyphen: UInt32 = 0x2D
    private static let hash: UInt32 = 0x23

    /// The expression pathspec's `GitWildMatchPattern.pattern_to_regex` builds for `line`, as tokens, or `nil` for a
    /// line without effect. Step for step the same normalisation of segments, so that the edge cases agree.
    static func translate(_ line: String) throws(AzureMLError) -> (Effect, [GlobProgram.Token])? {
        var pattern = Array(PythonText.strip(line.unicodeScalars.map(\.value)))
        if pattern.first == hash || pattern == [slash] || pattern.isEmpty { return nil }
        let shown = String(String.UnicodeScalarView(pattern.compactMap(Unicode.Scalar.init)))
        var effect = Effect.exclude
        if pattern.first == bang {
            effect = .include
            pattern.removeFirst()
        }
        var segments = pattern.split(separator: slash, omittingEmptySubsequences: false).map(Array.init)
        var index = segments.count - 1
        while index > 0 {
            if segments[index - 1] == doubleStar && segments[index] == doubleStar { segments.remove(at: index) }
            index -= 1
        }
        // `**/` matches everything below the root but no file in it; pathspec uses a fixed expression for it.
        let everythingBelowRoot = segments.count == 2 && segments[0] == doubleStar && segments[1].isEmpty
        if segments[0].isEmpty {
            segments.removeFirst()
        } else if segments.count == 1 || (segments.count == 2 && segments[1].isEmpty) {
            if segments[0] != doubleStar { segments.insert(doubleStar, at: 0) }
        }
        guard !segments.isEmpty else {
            throw .invalidIgnorePattern("invalid ignore pattern \"\(shown)\": nothing to match", location: nil)
        }
        if segments[segments.count - 1].isEmpty && segments.count > 1 { segments[segments.count - 1] = doubleStar }
        if everythingBelowRoot {
            return (effect, [.anyRun(atLeastOne: true), .scalar(slash), .anyRun(atLeastOne: false)])
        }
        return (effect, try tokens(for: segments, shown: shown))
    }

    private static func tokens(for segments: [[UInt32]], shown: String) throws(AzureMLError) -> [GlobProgram.Token] {
        var tokens: [GlobProgram.Token] = []
        let tail: GlobProgram.Token = .optional([.scalar(slash), .anyRun(atLeastOne: false)])
        var needSlash = false
        let end = segments.count - 1
        for (index, segment) in segments.enumerated() {
            if segment == doubleStar {
                if index == 0 && index == end {
                    tokens.append(.anyRun(atLeastOne: true))
                } else if index == 0 {
                    tokens.append(.optional([.anyRun(atLeastOne: true), .scalar(slash)]))
                    needSlash = false
                } else if index == end {
                    tokens += [.scalar(slash), .anyRun(atLeastOne: false)]
                } else {
                    tokens.append(.optional([.scalar(slash), .anyRun(atLeastOne: true)]))
                    needSlash = true
                }
                continue
            }
            if needSlash { tokens.append(.scalar(slash)) }
            if segment == [star] {
                tokens.append(.notSlashRun(atLeastOne: true))
            } else {
                tokens += try segmentTokens(segment, shown: shown)
            }
            if index == end { tokens.append(tail) }
            needSlash = true
        }
        return tokens
    }

    /// `_translate_segment_glob`: `*`, `?`, bracket expressions and `\` escapes within one path segment.
    private static func segmentTokens(_ glob: [UInt32], shown: String) throws(AzureMLError) -> [GlobProgram.Token] {
        var tokens: [GlobProgram.Token] = []
        var escape = false
        var index = 0
        let end = glob.count
        while index < end {
            let scalar = glob[index]
            index += 1
            if escape {
                escape = false
                tokens.append(.scalar(scalar))
            } else if scalar == backslash {
                escape = true
            } else if scalar == star {
                tokens.append(.notSlashRun(atLeastOne: false))
            } else if scalar == 0x3F {
                tokens.append(.notSlash)
            } else if scalar == openBracket {
                var close = index
                if close < end && glob[close] == bang { close += 1 }
                if close < end && glob[close] == closeBracket { close += 1 }
                while close < end && glob[close] != closeBracket { close += 1 }
                guard close < end else {
                    tokens.append(.scalar(openBracket))
                    continue
                }
                close += 1
                // pathspec copies the bracket into the regex (negation `!` becomes `^`, a leading `^` is escaped,
                // backslashes are doubled); Python's `re` then reads it. Rebuild that text and read it the same way.
                var body: [UInt32] = []
                if glob[index] == bang {
                    body.append(caret)
                    index += 1
                } else if glob[index] == caret {
                    body += [backslash, caret]
                    index += 1
                }
                for character in glob[index..<close] {
                    body += character == backslash ? [backslash, backslash] : [character]
                }
                tokens.append(.set(try bracketSet(body, shown: shown)))
                index = close
            } else {
                tokens.append(.scalar(scalar))
            }
        }
        if escape {
            throw .invalidIgnorePattern(
                "invalid ignore pattern \"\(shown)\": it ends with an escape character \"\\\" (trailing spaces are "
                    + "stripped)",
                location: nil
            )
        }
        return tokens
    }

    /// Python's `sre_parse` reading of a character set, from just after its `[` to its closing `]`.
    private static func bracketSet(_ body: [UInt32], shown: String) throws(AzureMLError) -> GlobProgram.ScalarSet {
        var index = 0
        var set = GlobProgram.ScalarSet(negated: false, ranges: [])
        if body.first == caret {
            set.negated = true
            index = 1
        }
        func next() -> UInt32 {
            // The body always ends with the closing `]`, so reading never runs past it.
            var scalar = body[index]
            index += 1
            if scalar == backslash {
                scalar = body[index]
                index += 1
            }
            return scalar
        }
        while index < body.count {
            if body[index] == closeBracket && !set.ranges.isEmpty { break }
            let low = next()
            guard index < body.count, body[index] == hyphen else {
                set.ranges.append(low...low)
                continue
            }
            index += 1
            if body[index] == closeBracket {
                set.ranges += [low...low, hyphen...hyphen]
                break
            }
            let high = next()
            guard low <= high else {
                let range = [low, high].map { Unicode.Scalar($0).map(String.init) ?? "?" }.joined(separator: "-")
                throw .invalidIgnorePattern(
                    "invalid ignore pattern \"\(shown)\": bad character range \(range)",
                    location: nil
                )
            }
            set.ranges.append(low...high)
        }
        return set
    }
}
