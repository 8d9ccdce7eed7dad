import DeployManifest
import DeployYAML

/// Environments: a job's environment reference or inline definition, and the body of an environment version.
extension TranslationContext {
    /// What a job needs for its `environment`.
    struct EnvironmentBinding {
        var environmentID: TemplateString
        var dependency: ResourceID?
        var reference: WorkspaceReference?
    }

    /// Translates a job's `environment`: a reference becomes an id (a label a lookup), an inline definition the
    /// anonymous `CliV2AnonymousEnvironment` version registered first.
    func environment(_ environment: Located<JobEnvironment>) -> EnvironmentBinding? {
        switch environment.value {
        case .reference(let text):
            let reference: AssetReference
            do {
                reference = try AssetReference(
                    Located(PathReference.remote(text), node: environment.node), role: .environment)
            } catch {
                report(error, at: environment.node)
                return nil
            }
            let workspaceReference = WorkspaceReference(
                target: .asset(reference), source: SourceLocation(environment.node))
            switch reference.target {
            case .curatedEnvironment(let value), .registry(let value):
                return EnvironmentBinding(environmentID: TemplateString(stringLiteral: value))
            case .label(let kind, let name, _):
                let id = TemplateString([
                    .text(kind.containerID(name: name, in: workspace) + "/versions/"),
                    .placeholder(.latestVersion(kind: kind, name: name)),
                ])
                return EnvironmentBinding(environmentID: id, reference: workspaceReference)
            default:
                let value = reference.wireValue(in: workspace) ?? text
                return EnvironmentBinding(
                    environmentID: TemplateString(stringLiteral: value), reference: workspaceReference)
            }
        case .inline(let definition):
            return inlineEnvironment(definition, node: environment.node)
        }
    }

    /// An inline environment, registered as `CliV2AnonymousEnvironment` at the version its content hashes to.
    private func inlineEnvironment(_ definition: EnvironmentDefinition, node: Node) -> EnvironmentBinding? {
        guard let parts = environmentParts(definition, node: node, anonymous: true) else { return nil }
        let version: String
        if let image = definition.image?.value {
            if definition.inferenceConfig != nil {
                warning(
                    "inline environments with `inference_config` get a version the SDK computes from an object it "
                        + "cannot reproduce; deploy hashes the configuration's YAML instead, so `az ml` would register "
                        + "a different version", at: node)
            }
            version = AnonymousEnvironment.version(
                image: image, inferenceConfig: parts.inferenceConfigYAML, condaFile: parts.condaFile)
        } else if let hash = parts.buildContextHash {
            version = AnonymousEnvironment.version(
                buildContextHash: hash, dockerfilePath: definition.build?.value.dockerfilePath?.value)
        } else {
            error(
                "an inline environment built from a URL cannot be registered: the SDK gives it no name or version; "
                    + "register it as an environment asset and reference it", at: node)
            return nil
        }
        let id = ResourceID(kind: .environment, name: AnonymousEnvironment.name, version: version)
        add(
            DesiredResource(
                kind: .environment, name: .fixed(AnonymousEnvironment.name), version: version,
                apiVersion: versions.environments, body: parts.body,
                preparations: parts.upload.map { [.upload($0)] } ?? [],
                origin: .inlineEnvironment, source: SourceLocation(node)))
        return EnvironmentBinding(environmentID: TemplateString(stringLiteral: workspace.id(of: id)), dependency: id)
    }

    /// The body of an environment version and what it needs.
    struct EnvironmentParts {
        var body: BodyTemplate
        var upload: Upload?
        /// The conda file as sent: `yaml.dump(yaml.safe_load(file), sort_keys=True)`.
        var condaFile: String?
        /// The inference configuration as YAML with sorted keys (for the anonymous version).
        var inferenceConfigYAML: String?
        /// The object hash of a local build context.
        var buildContextHash: String?
    }

    /// The `EnvironmentVersionProperties` the SDK sends for `definition` (`Environment._to_rest_object`): conda file
    /// re-dumped with sorted keys, image or build context (uploaded to a datastore, `contextUri` ending in `/`), OS
    /// type, tags when there are any, `isAnonymous`, `isArchived`, inference routes and description.
    func environmentParts(_ definition: EnvironmentDefinition, node: Node, anonymous: Bool) -> EnvironmentParts? {
        var builder = BodyBuilder()
        var parts = EnvironmentParts(body: BodyTemplate(json: .null))
        var properties = EnvironmentVersionProperties(isAnonymous: anonymous, isArchived: false)
        if let conda = definition.condaFile {
            do {
                parts.condaFile = try YAMLPlain.dump(safeLoading: conda.value.contents)
            } catch {
                self.error("conda_file: \(error.message)", at: conda.node)
                return nil
            }
            properties.condaFile = parts.condaFile
        }
        properties.image = definition.image?.value
        if let build = definition.build {
            let context: TemplateString
            switch build.value.path.value {
            case .local(let path):
                let datastore = definition.datastore?.value ?? TranslationOptions.defaultDatastore
                guard let upload = datastoreUpload(path, datastore: datastore, node: build.value.path.node) else {
                    return nil
                }
                parts.upload = upload
                parts.buildContextHash = upload.hash
                context = upload.containerURL + TemplateString(stringLiteral: "/" + upload.prefix + "/")
            case .remote(let url):
                context = TemplateString(stringLiteral: url)
            }
            properties.build = BuildContext(
                contextUri: builder.string(context), dockerfilePath: build.value.dockerfilePath?.value)
        }
        properties.osType = definition.osType?.value.rawValue
        let tags = stringMap(definition.tags, "tags")
        if !tags.isEmpty { properties.tags = tags }
        if let inference = definition.inferenceConfig?.value {
            func route(_ route: Located<InferenceConfig.Route>) -> JSONValue {
                ["port": .int(route.value.port.value), "path": .string(route.value.path.value)]
            }
            properties.inferenceConfig = [
                "livenessRoute": route(inference.livenessRoute), "scoringRoute": route(inference.scoringRoute),
                "readinessRoute": route(inference.readinessRoute),
            ]
            func plain(_ route: Located<InferenceConfig.Route>) -> YAMLPlain {
                .mapping([
                    .init(.string("path"), .string(route.value.path.value)),
                    .init(.string("port"), .int(route.value.port.value)),
                ])
            }
            parts.inferenceConfigYAML = YAMLPlain.dump(
                .mapping([
                    .init(.string("liveness_route"), plain(inference.livenessRoute)),
                    .init(.string("readiness_route"), plain(inference.readinessRoute)),
                    .init(.string("scoring_route"), plain(inference.scoringRoute)),
                ]))
        }
        properties.description = definition.description?.value
        if let setting = definition.autoDeleteSetting {
            warning("auto_delete_setting: not sent (the SDK drops it from environments)", at: setting.node)
        }
        parts.body = builder.finish(["properties": properties.json])
        return parts
    }

    /// Files of a local path to upload to a datastore under `LocalUpload/<object hash>/<name>`, as the SDK uploads
    /// job inputs, data assets and build contexts.
    func datastoreUpload(_ path: LocalPath, datastore: String, node: Node) -> Upload? {
        let location = SourceLocation(node)
        let files: [LocalFile]
        let hash: String
        do {
            files = try FileListing.files(at: path.absolute)
            hash = try ObjectHash.of(path: path.absolute)
        } catch {
            report(error, at: node)
            return nil
        }
        let prefix = "LocalUpload/\(hash)/\(path.lastComponent)"
        let isFolder = FileSystem.status(path.absolute, followingLinks: true)?.kind == .directory
        return Upload(
            destination: .datastore(datastore), source: path, prefix: prefix,
            files: files.map { file in
                Upload.File(
                    path: file.path, relativePath: file.relativePath,
                    blobPath: isFolder ? prefix + "/" + file.relativePath : prefix, size: file.size)
            }.sorted { $0.blobPath < $1.blobPath }, hash: hash, location: location)
    }
}
