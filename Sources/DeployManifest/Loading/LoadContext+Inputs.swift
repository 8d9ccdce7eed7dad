import DeployYAML

/// Job `inputs` and `outputs`, following the order in which the SDK's union field tries its schemas: data input,
/// model input, mltable input, `{value: x}` literal, plain literal.
extension LoadContext {
    /// `inputs`: name → input.
    func inputs(_ reader: MappingReader) -> KeyedList<Located<InputSpec>> {
        guard let node = reader.value("inputs") else { return KeyedList() }
        let path = reader.childPath("inputs")
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return KeyedList()
        }
        var entries: [KeyedList<Located<InputSpec>>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            let childPath = LoadContext.join(path, key.value)
            checkName(key, childPath)
            if key.value == "type", pair.value.scalar != nil,
                case .string(let text)? = try? pair.value.resolvedScalar(), AssetType.parse(text) != nil
            {
                warning(
                    "\(childPath): this is a literal input named `type`; to give an input a type, indent `type` "
                        + "under the input's name", at: pair.key)
            }
            if let input = input(pair.value, anchor: pair.key, childPath) {
                entries.append(.init(key: key, value: input))
            }
        }
        return KeyedList(entries)
    }

    /// One input.
    private func input(_ node: Node, anchor: Node, _ path: String) -> Located<InputSpec>? {
        if node.pairs != nil {
            guard let reader = MappingReader(node, anchor: anchor, path: path, context: self) else { return nil }
            if reader.has("value") { return literalMapping(reader) }
            return assetInput(reader).map { Located(.asset($0), node: node) }
        }
        guard node.scalar != nil, let scalar = resolved(node, path, expected: "a literal"),
            let literal = LiteralValue(scalar)
        else {
            mismatch(path, "a string, a number, a boolean or a mapping", node)
            return nil
        }
        return Located(.literal(literal), node: node)
    }

    /// `{value: x}`: the SDK tries string, boolean, integer, then float, so `1` becomes `True` and `0.5` becomes
    /// `0`; we do the same and warn when the value changes.
    private func literalMapping(_ reader: MappingReader) -> Located<InputSpec>? {
        defer { reader.finish() }
        guard let valueNode = reader.value("value") else { return nil }
        let path = reader.childPath("value")
        guard let scalar = resolved(valueNode, path, expected: "a string, a number or a boolean") else { return nil }
        let literal: LiteralValue
        switch scalar {
        case .string(let text): literal = .string(text)
        case .bool(let value): literal = .bool(value)
        case .int(let value) where value == 0 || value == 1: literal = .bool(value == 1)
        case .int(let value): literal = .int(value)
        case .bigInt(let digits): literal = .bigInt(digits)
        case .float(let value) where value == 0 || value == 1: literal = .bool(value == 1)
        case .float(let value) where value.isFinite && abs(value) < 9.2e18: literal = .int(Int(value))
        default:
            mismatch(path, "a string, a number or a boolean", valueNode)
            return nil
        }
        if let original = LiteralValue(scalar), original != literal {
            warning(
                "\(path): the SDK reads \(valueNode.scalar?.text ?? "") in this form as \(literal.pythonString); "
                    + "write the value directly, without `value:`, to keep it", at: valueNode)
        }
        return Located(.literal(literal), node: reader.node)
    }

    /// `{type, path, mode, datastore, path_on_compute}`.
    private func assetInput(_ reader: MappingReader) -> AssetInput? {
        let type = reader.enumValue("type", AssetType.self)
        let effective = type?.value ?? .uriFolder
        let mode = reader.enumValue("mode", InputMode.self, allowed: effective.allowedInputModes)
        let datastore = reader.string("datastore")
        var pathOnCompute: Located<String>?
        if !effective.isModel { pathOnCompute = reader.string("path_on_compute") }
        let path = reader.field("path") { inputPath($0, $1, type: effective) }
        reader.finish(hints: effective.isModel ? ["path_on_compute": "model inputs have no `path_on_compute`"] : [:])
        return AssetInput(type: type, path: path, mode: mode, datastore: datastore, pathOnCompute: pathOnCompute)
    }

    /// An input's `path`: a reference or URI, or a local path that must exist.
    private func inputPath(_ node: Node, _ path: String, type: AssetType) -> Located<PathReference>? {
        guard let text = string(node, path) else { return nil }
        if PathReference.isRemote(text.value) {
            if let problem = LoadContext.missingVersion(text.value) {
                error("\(path): \(problem)", at: node)
                return nil
            }
            return Located(.remote(text.value), node: node)
        }
        let written = text.value.hasPrefix("file:") ? String(text.value.dropFirst(5)) : text.value
        guard let local = existingLocalPath(Located(written, node: node), path) else { return nil }
        checkLocalKind(local, type: type, path: path, node: node)
        return Located(.local(local), node: node)
    }

    /// A `uri_file` that is a folder, or a `uri_folder` that is a file: an error for absolute paths (the SDK checks
    /// those), a warning otherwise; an mltable folder without an `MLtable` file is an error.
    func checkLocalKind(_ local: LocalPath, type: AssetType, path: String, node: Node) {
        let directory = isDirectory(local)
        let severity: Diagnostic.Severity = local.written.hasPrefix("/") ? .error : .warning
        switch type {
        case .uriFile where directory:
            diagnosticsAppend(severity, "\(path): \(local.display) is a folder, but the type is uri_file", node)
        case .uriFolder where !directory:
            diagnosticsAppend(severity, "\(path): \(local.display) is a file, but the type is uri_folder", node)
        case .mltable where directory:
            let table = LocalPath(
                written: local.written + "/MLTable", absolute: local.absolute + "/MLTable",
                display: local.display + "/MLTable")
            reference(table)
            if !FileManagerProbe.exists(table.absolute) {
                error("\(path): no MLTable file in \(local.display)", at: node)
            }
        default: break
        }
    }

    private func diagnosticsAppend(_ severity: Diagnostic.Severity, _ message: String, _ node: Node) {
        if severity == .error { error(message, at: node) } else { warning(message, at: node) }
    }

    /// `outputs`: name → output (null for the defaults).
    func outputs(_ reader: MappingReader) -> KeyedList<Located<OutputSpec>> {
        guard let node = reader.value("outputs") else { return KeyedList() }
        let path = reader.childPath("outputs")
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return KeyedList()
        }
        var entries: [KeyedList<Located<OutputSpec>>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            let childPath = LoadContext.join(path, key.value)
            checkName(key, childPath)
            if pair.value.isNull {
                entries.append(.init(key: key, value: Located(OutputSpec(), node: pair.value)))
                continue
            }
            guard pair.value.pairs != nil else {
                mismatch(childPath, "a mapping or null", pair.value)
                continue
            }
            guard let output = MappingReader(pair.value, anchor: pair.key, path: childPath, context: self) else {
                continue
            }
            let spec = OutputSpec(
                type: output.enumValue("type", AssetType.self), path: output.string("path"),
                mode: output.enumValue("mode", OutputMode.self), name: output.string("name"),
                version: output.version("version"))
            output.finish()
            entries.append(.init(key: key, value: Located(spec, node: pair.value)))
        }
        return KeyedList(entries)
    }
}
