/// The subset of MLflow's logged-model search filter the local workspace evaluates: comparisons of an attribute
/// with a quoted string, joined by `AND`, such as `name = 'model' AND source_run_id = 'abc'` (what the client's
/// `list_artifacts` sends). Attributes: `name`, `model_id`, `source_run_id`, `status`, `model_type`, optionally
/// written `attributes.<name>` or in backquotes; operators `=` and `!=`. Anything else is refused with a message
/// saying so, never ignored.
struct MLflowLoggedModelFilter: Sendable, Hashable {
    /// One comparison.
    struct Clause: Sendable, Hashable {
        /// The column of `mlflow_logged_model`.
        var column: String
        var isEqual: Bool
        var value: String
    }

    /// The comparisons, all of which must hold.
    var clauses: [Clause]

    static let columns = [
        "name": "name", "model_id": "id", "source_run_id": "sourceRunID", "status": "status",
        "model_type": "modelType",
    ]

    /// A filter of these clauses (none: every model passes).
    init(clauses: [Clause] = []) {
        self.clauses = clauses
    }

    /// Parses a filter; an empty or blank one has no clauses.
    init(parsing text: String) throws(MLflowError) {
        var tokens = try Self.tokens(text)[...]
        var clauses: [Clause] = []
        while let first = tokens.first {
            guard case .word(var attribute) = first else { throw Self.unsupported(text) }
            tokens.removeFirst()
            if attribute.lowercased().hasPrefix("attributes.") { attribute.removeFirst("attributes.".count) }
            guard let column = Self.columns[attribute.lowercased()], case .symbol(let op)? = tokens.popFirst(),
                op == "=" || op == "!=", case .string(let value)? = tokens.popFirst()
            else { throw Self.unsupported(text) }
            clauses.append(Clause(column: column, isEqual: op == "=", value: value))
            guard let next = tokens.popFirst() else { break }
            guard case .word(let word) = next, word.lowercased() == "and", !tokens.isEmpty else {
                throw Self.unsupported(text)
            }
        }
        self.clauses = clauses
    }

    /// The SQL condition and its arguments (`nil` when there are no clauses).
    var sql: (condition: String, arguments: [String])? {
        guard !clauses.isEmpty else { return nil }
        let condition = clauses.map { "\($0.column) \($0.isEqual ? "IS" : "IS NOT") ?" }.joined(separator: " AND ")
        return (condition, clauses.map(\.value))
    }

    private enum Token: Hashable {
        case word(String)
        case symbol(String)
        case string(String)
    }

    private static func tokens(_ text: String) throws(MLflowError) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let character = characters.first {
            if character.isWhitespace {
                characters.removeFirst()
            } else if character == "'" || character == "\"" || character == "`" {
                characters.removeFirst()
                guard let end = characters.firstIndex(of: character) else { throw unsupported(text) }
                let content = String(characters[..<end])
                characters = characters[characters.index(after: end)...]
                tokens.append(character == "`" ? .word(content) : .string(content))
            } else if character == "=" {
                characters.removeFirst()
                tokens.append(.symbol("="))
            } else if character == "!" {
                characters.removeFirst()
                guard characters.popFirst() == "=" else { throw unsupported(text) }
                tokens.append(.symbol("!="))
            } else if character.isLetter || character.isNumber || character == "_" || character == "." {
                let word = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                characters.removeFirst(word.count)
                tokens.append(.word(String(word)))
            } else {
                throw unsupported(text)
            }
        }
        return tokens
    }

    private static func unsupported(_ text: String) -> MLflowError {
        .invalid(
            "Unsupported logged model filter \"\(text)\": the local workspace accepts comparisons of name, model_id, "
                + "source_run_id, status or model_type with a quoted string (= or !=), joined by AND.")
    }
}
