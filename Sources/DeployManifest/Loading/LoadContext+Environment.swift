import DeployYAML

/// Environments: assets, inline job environments, conda files and build contexts.
extension LoadContext {
    /// A job's `environment`: an inline mapping, a `file:` reference to one, or an `azureml:` reference.
    func jobEnvironment(_ node: Node, anchor: Node, _ path: String) -> Located<JobEnvironment>? {
        if node.pairs != nil {
            guard let reader = MappingReader(node, anchor: anchor, path: path, context: self),
                let definition = environmentDefinition(reader, inline: true)
            else { return nil }
            return Located(.inline(definition), node: node)
        }
        guard case .string(let text)? = (node.scalar != nil ? try? node.resolvedScalar() : nil) else {
            mismatch(path, "an inline environment or a reference", node)
            return nil
        }
        if text.hasPrefix("file:") {
            guard let (document, file) = referencedDocument(Located(text, node: node), path) else { return nil }
            return withDirectory(of: file) {
                guard let reader = MappingReader(document, anchor: node, path: path, context: self),
                    let definition = environmentDefinition(reader, inline: true)
                else { return nil }
                return Located(.inline(definition), node: node)
            }
        }
        guard text.hasPrefix("azureml:") else {
            mismatch(
                path, "an inline environment or a reference such as `azureml:name:version`", node,
                hint: "for a Docker image, write `image: \(text)` under `environment`")
            return nil
        }
        if let problem = LoadContext.missingVersion(text) {
            error("\(LoadContext.prefix(path))\(problem)", at: node)
            return nil
        }
        return Located(.reference(text), node: node)
    }

    /// An environment manifest.
    func environmentAsset(_ reader: MappingReader) -> EnvironmentAsset? {
        reader.declare("$schema")
        let name = reader.string("name", required: true)
        let version = reader.version("version")
        guard let definition = environmentDefinition(reader, inline: false), let name else { return nil }
        return EnvironmentAsset(name: name, version: version, definition: definition, node: reader.node)
    }

    /// The content of an environment. Inline environments drop `name` and `version` with a warning, as the SDK
    /// does; top-level `channels` and `dependencies` get the SDK's dedicated error.
    func environmentDefinition(_ reader: MappingReader, inline: Bool) -> EnvironmentDefinition? {
        if inline {
            reader.declare("$schema")
            for key in ["name", "version"] {
                guard let pair = reader.pair(key) else { continue }
                if key == "name", pair.value.scalar?.text == "CliV2AnonymousEnvironment" { continue }
                warning(
                    "\(reader.childPath(key)): ignored; an inline environment is registered as "
                        + "CliV2AnonymousEnvironment with a version computed from its content", at: pair.key)
            }
        }
        reader.readOnly(["id", "creation_context", "latest_version", "intellectual_property"])
        for key in ["channels", "dependencies"] {
            guard let pair = reader.pair(key) else { continue }
            error(
                "\(reader.childPath(key)): conda content belongs in a conda file; move `channels` and "
                    + "`dependencies` to a YAML file and name it with `conda_file`", at: pair.key)
        }
        var definition = EnvironmentDefinition(baseDirectory: directory)
        definition.image = reader.string("image")
        definition.build = reader.nested("build") { buildContext($0) }
        definition.condaFile = reader.field("conda_file") { condaFile($0, $1) }
        definition.osType = reader.enumValue("os_type", OperatingSystem.self)
        definition.inferenceConfig = reader.nested("inference_config") { inferenceConfig($0) }
        definition.description = reader.string("description")
        definition.tags = reader.scalarMap("tags", stringsOnly: false)
        definition.datastore = reader.string("datastore")
        definition.autoDeleteSetting = reader.nested("auto_delete_setting") { autoDeleteSetting($0) }
        let image = reader.pair("image")
        let build = reader.pair("build")
        if let image, let build {
            let later = image.key.start < build.key.start ? build.key : image.key
            error(
                "\(LoadContext.prefix(reader.path))`image` and `build` are exclusive; give only one", at: later)
        } else if image == nil, build == nil, !reader.has("channels"), !reader.has("dependencies") {
            error(
                "\(LoadContext.prefix(reader.path))missing `image` or `build`; an environment needs exactly one",
                at: reader.anchor)
        }
        reader.finish(hints: ["properties": "environments have no `properties`; use `tags`"])
        return definition
    }

    /// `build: {path, dockerfile_path}`.
    private func buildContext(_ reader: MappingReader) -> Located<BuildContextSpec>? {
        let dockerfile = reader.string("dockerfile_path")
        let path = reader.field("path", required: true) { node, path -> Located<PathReference>? in
            guard let text = string(node, path) else { return nil }
            if text.value.hasPrefix("http://") || text.value.hasPrefix("https://") {
                return Located(.remote(text.value), node: node)
            }
            guard let local = existingLocalPath(text, path) else { return nil }
            guard FileManagerProbe.isDirectory(local.absolute) else {
                error("\(LoadContext.prefix(path))\(local.display) is a file; a build context is a folder", at: node)
                return nil
            }
            return Located(.local(local), node: node)
        }
        reader.finish()
        guard let path else { return nil }
        if let context = path.value.localPath {
            // The SDK does not look; the image build would fail in the workspace, long after the submit.
            let name = dockerfile?.value ?? "Dockerfile"
            let dockerfilePath = LocalPath(
                written: name, absolute: LocalPath.normalize(context.absolute + "/" + name),
                display: LocalPath.join(context.display, name))
            if !FileManagerProbe.exists(dockerfilePath.absolute) {
                warning(
                    "\(reader.path): no \(name) in \(context.display); the image build will fail",
                    at: dockerfile?.node ?? path.node)
            }
        }
        return Located(BuildContextSpec(path: path, dockerfilePath: dockerfile), node: reader.node)
    }

    /// `conda_file`: a path to a YAML file (read and parsed here) or an inline mapping.
    private func condaFile(_ node: Node, _ path: String) -> Located<CondaFile>? {
        if node.pairs != nil { return Located(.inline(node), node: node) }
        guard case .string? = (node.scalar != nil ? try? node.resolvedScalar() : nil),
            let text = string(node, path)
        else {
            mismatch(path, "a path or a mapping", node)
            return nil
        }
        guard let (document, file) = referencedDocument(text, path) else { return nil }
        return Located(.file(file, contents: document), node: node)
    }

    /// Reads the single YAML document of a file a manifest references (`file:` prefix optional); reports a missing
    /// file at the reference and YAML errors in the file itself.
    func referencedDocument(_ text: Located<String>, _ path: String) -> (Node, LocalPath)? {
        let written = text.value.hasPrefix("file:") ? String(text.value.dropFirst(5)) : text.value
        guard let file = existingLocalPath(Located(written, node: text.node), path) else { return nil }
        guard !FileManagerProbe.isDirectory(file.absolute) else {
            error("\(LoadContext.prefix(path))\(file.display) is a folder; expected a YAML file", at: text.node)
            return nil
        }
        let source: SourceFile
        do {
            source = try YAMLParser.readFile(atPath: file.absolute)
        } catch {
            self.error("\(LoadContext.prefix(path))cannot read \(file.display): \(error.message)", at: text.node)
            return nil
        }
        let named = SourceFile(name: file.display, bytes: source.bytes)
        let outcome = parser.check(named)
        guard outcome.errors.isEmpty else {
            append(outcome.errors.map(\.diagnostic))
            return nil
        }
        guard let document = outcome.documents.first else {
            error("\(LoadContext.prefix(path))\(file.display) is empty", at: text.node)
            return nil
        }
        if outcome.documents.count > 1 {
            error("expected a single YAML document; another one starts here", at: outcome.documents[1])
            return nil
        }
        return (document, file)
    }

    /// Runs `body` with relative paths resolved against the folder of `file`.
    func withDirectory<T>(of file: LocalPath, _ body: () -> T) -> T {
        let saved = (directory, displayDirectory)
        directory = LocalPath.parent(of: file.absolute)
        displayDirectory = LocalPath.parent(of: file.display)
        defer { (directory, displayDirectory) = saved }
        return body()
    }

    /// `inference_config`: three required routes.
    private func inferenceConfig(_ reader: MappingReader) -> Located<InferenceConfig>? {
        func route(_ key: String) -> Located<InferenceConfig.Route>? {
            reader.nested(key, required: true) { route in
                let port = route.int("port", required: true)
                let path = route.string("path", required: true)
                route.finish()
                guard let port, let path else { return nil }
                return Located(InferenceConfig.Route(port: port, path: path), node: route.node)
            }
        }
        let liveness = route("liveness_route")
        let readiness = route("readiness_route")
        let scoring = route("scoring_route")
        reader.finish()
        guard let liveness, let readiness, let scoring else { return nil }
        return Located(
            InferenceConfig(livenessRoute: liveness, readinessRoute: readiness, scoringRoute: scoring),
            node: reader.node)
    }

    /// `auto_delete_setting: {condition, value}`.
    func autoDeleteSetting(_ reader: MappingReader) -> Located<AutoDeleteSetting>? {
        let setting = AutoDeleteSetting(
            condition: reader.enumValue("condition", AutoDeleteCondition.self), value: reader.string("value"))
        reader.finish()
        return Located(setting, node: reader.node)
    }
}
