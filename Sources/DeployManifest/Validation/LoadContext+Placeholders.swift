import DeployYAML

extension LoadContext {
    /// Checks every placeholder of a command against what it can name, reporting at the expression inside the
    /// command string. `searchSpace` is `nil` outside a sweep trial.
    func checkPlaceholders(
        in command: Located<String>, path: String, inputs: [String], outputs: [String], searchSpace: [String]?
    ) {
        for placeholder in Placeholder.scan(command.value) {
            let mark = command.node.mark(atValueOffset: placeholder.offset)
            let prefix = LoadContext.prefix(path)
            let modern = "${{\(placeholder.namespace.rawValue).\(placeholder.name)}}"
            if placeholder.isSingleBrace {
                report(
                    .warning, "\(prefix)`\(placeholder.text)` is deprecated; write `\(modern)`", at: mark,
                    in: command.file)
            }
            guard !placeholder.isOptional else { continue }
            let names: [String]
            let noun: String
            switch placeholder.namespace {
            case .inputs:
                names = inputs
                noun = "input"
            case .outputs:
                names = outputs
                noun = "output"
            case .searchSpace:
                guard let searchSpace else {
                    report(
                        .error, "\(prefix)`\(placeholder.text)` is only valid in a sweep's trial command", at: mark,
                        in: command.file)
                    continue
                }
                names = searchSpace
                noun = "search-space parameter"
            }
            guard !names.contains(placeholder.name) else { continue }
            var message = "\(prefix)`\(placeholder.text)` names no \(noun)"
            if let suggestion = EditDistance.closest(to: placeholder.name, among: names) {
                message += "; did you mean `\(suggestion)`?"
            } else if names.isEmpty {
                message += " (there are none)"
            } else {
                message += " (\(names.map { "`\($0)`" }.joined(separator: ", ")))"
            }
            report(.error, message, at: mark, in: command.file)
        }
    }
}
