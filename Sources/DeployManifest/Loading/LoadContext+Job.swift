import DeployYAML

/// The parts every job shares: metadata, code, inputs, outputs, resources, distribution, identity, services,
/// queue settings.
extension LoadContext {
    /// Keys the SDK drops from jobs because the service sets them.
    static let jobReadOnlyKeys = ["id", "status", "creation_context", "log_files", "parameters"]

    /// `name`, `display_name`, `description`, `experiment_name`, `tags`, `properties`, `compute`, `identity`,
    /// `services`.
    func jobMetadata(_ reader: MappingReader) -> JobMetadata {
        JobMetadata(
            name: reader.string("name"),
            displayName: reader.string("display_name"),
            description: reader.string("description"),
            experimentName: reader.string("experiment_name"),
            tags: reader.scalarMap("tags", stringsOnly: true),
            properties: reader.scalarMap("properties", stringsOnly: true),
            compute: reader.string("compute"),
            identity: reader.field("identity") { identity($0, $1) },
            services: reader.field("services") { services($0, $1) })
    }

    /// `code`: a local path that must exist, or a URL, `git+` URL or `azureml:` reference.
    func code(_ node: Node, _ path: String) -> Located<PathReference>? {
        guard let text = string(node, path) else { return nil }
        let written = text.value
        if written.hasPrefix("azureml:") || written.hasPrefix("http://") || written.hasPrefix("https://")
            || written.hasPrefix("git+")
        {
            return Located(.remote(written), node: node)
        }
        guard let local = existingLocalPath(text, path) else { return nil }
        return Located(.local(local), node: node)
    }

    /// A local path that must exist; records it as a reference.
    func existingLocalPath(_ text: Located<String>, _ path: String) -> LocalPath? {
        let local = localPath(text.value)
        reference(local)
        guard FileManagerProbe.exists(local.absolute) else {
            error("\(LoadContext.prefix(path))no such file or directory: \(local.display)", at: text.node)
            return nil
        }
        return local
    }

    /// Whether a local path is a directory (false when it does not exist).
    func isDirectory(_ path: LocalPath) -> Bool {
        FileManagerProbe.isDirectory(path.absolute)
    }

    /// `azureml:name` with neither `:version` nor `@label` (the SDK refuses it), as an error message, or `nil`.
    static func missingVersion(_ reference: String) -> String? {
        guard reference.hasPrefix("azureml:"), !reference.hasPrefix("azureml:/") else { return nil }
        let name = reference.dropFirst("azureml:".count)
        guard !name.contains(":"), !name.contains("@") else { return nil }
        return "`\(reference)` needs a version or a label: `\(reference):1` or `\(reference)@latest`"
    }

    /// `environment_variables`: scalar values of any type.
    func environmentVariables(_ reader: MappingReader) -> KeyedList<Located<ResolvedScalar>> {
        reader.scalarMap("environment_variables", stringsOnly: false)
    }

    /// `limits` of a command job.
    func commandLimits(_ reader: MappingReader) -> CommandLimits {
        let limits = CommandLimits(timeout: reader.int("timeout"))
        reader.finish()
        return limits
    }

    /// `queue_settings`.
    func queueSettings(_ reader: MappingReader) -> QueueSettingsSpec {
        let settings = QueueSettingsSpec(
            jobTier: reader.enumValue("job_tier", JobTier.self),
            priority: reader.enumValue("priority", JobPriority.self))
        reader.finish()
        return settings
    }

    /// `resources`.
    func resources(_ reader: MappingReader) -> ResourceSpec {
        var spec = ResourceSpec()
        spec.instanceCount = reader.int("instance_count")
        spec.instanceType = reader.string("instance_type")
        spec.properties = reader.field("properties") { anyMap($0, $1) }
        spec.locations = reader.field("locations") { stringList($0, $1) }
        spec.shmSize = reader.string("shm_size")
        spec.maxInstanceCount = reader.int("max_instance_count")
        spec.dockerArgs = reader.field("docker_args") { node, path -> Located<ResourceSpec.DockerArgs>? in
            if node.items != nil {
                return stringList(node, path).map { Located(.list($0.value), node: node) }
            }
            guard case .string(let text)? = (node.scalar != nil ? try? node.resolvedScalar() : nil) else {
                mismatch(path, "a string or a sequence of strings", node)
                return nil
            }
            return Located(.string(text), node: node)
        }
        reader.finish()
        return spec
    }

    /// `distribution`, by `type`.
    func distribution(_ reader: MappingReader) -> DistributionSpec? {
        let type = reader.enumValue("type", DistributionName.self, required: true)
        defer { reader.finish() }
        switch type?.value {
        case .pytorch?: return .pytorch(processCountPerInstance: reader.int("process_count_per_instance"))
        case .mpi?: return .mpi(processCountPerInstance: reader.int("process_count_per_instance"))
        case .tensorflow?:
            return .tensorflow(
                workerCount: reader.int("worker_count"), parameterServerCount: reader.int("parameter_server_count"))
        case .ray?:
            return .ray(
                RayDistribution(
                    port: reader.int("port"), address: reader.string("address"),
                    includeDashboard: reader.bool("include_dashboard"), dashboardPort: reader.int("dashboard_port"),
                    headNodeAdditionalArgs: reader.string("head_node_additional_args"),
                    workerNodeAdditionalArgs: reader.string("worker_node_additional_args")))
        case nil:
            // Without a valid type the other keys cannot be checked; declare them all to avoid noise.
            reader.declare(
                "process_count_per_instance", "worker_count", "parameter_server_count", "port", "address",
                "include_dashboard", "dashboard_port", "head_node_additional_args", "worker_node_additional_args")
            return nil
        }
    }

    /// `identity`, by `type`.
    func identity(_ node: Node, _ path: String) -> Located<IdentitySpec>? {
        guard let reader = MappingReader(node, path: path, context: self) else { return nil }
        let type = reader.enumValue("type", IdentityName.self, required: true)
        defer { reader.finish() }
        switch type?.value {
        case .managed?, .managedIdentity?:
            return Located(
                .managed(
                    clientID: reader.string("client_id"), objectID: reader.string("object_id"),
                    resourceID: reader.string("msi_resource_id")), node: node)
        case .amlToken?: return Located(.amlToken, node: node)
        case .userIdentity?: return Located(.userIdentity, node: node)
        case nil:
            reader.declare("client_id", "object_id", "msi_resource_id")
            return nil
        }
    }

    /// `services`: name → service.
    func services(_ node: Node, _ path: String) -> KeyedList<Located<ServiceSpec>>? {
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return nil
        }
        var entries: [KeyedList<Located<ServiceSpec>>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            let childPath = LoadContext.join(path, key.value)
            guard let reader = MappingReader(pair.value, anchor: pair.key, path: childPath, context: self) else {
                continue
            }
            var spec = ServiceSpec()
            spec.type = reader.enumValue("type", ServiceType.self)
            spec.port = reader.int("port")
            spec.nodes = reader.string("nodes")
            spec.properties = reader.field("properties") { anyMap($0, $1) }
            reader.readOnly(["endpoint", "status", "error_message"])
            var hints = [
                "ssh_public_keys": "`ssh_public_keys` is only valid with `type: ssh`",
                "log_dir": "`log_dir` is only valid with `type: tensor_board`",
            ]
            switch spec.type?.value {
            case .ssh?:
                spec.sshPublicKeys = reader.string("ssh_public_keys")
                hints["ssh_public_keys"] = nil
            case .tensorBoard?:
                spec.logDir = reader.string("log_dir")
                hints["log_dir"] = nil
            default: break
            }
            reader.finish(hints: hints)
            entries.append(.init(key: key, value: Located(spec, node: pair.value)))
        }
        return KeyedList(entries)
    }

    /// Reports input, output and search-space names that are not identifiers, at the key.
    func checkName(_ key: Located<String>, _ path: String) {
        let scalars = Array(key.value.unicodeScalars)
        let valid =
            !scalars.isEmpty
            && scalars.enumerated().allSatisfy { index, scalar in
                scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || (index > 0 && ("0"..."9").contains(scalar))
            }
        if !valid {
            error(
                "\(path): invalid name \"\(key.value)\"; names start with a letter or an underscore and contain only "
                    + "letters, digits and underscores", at: key.node)
        }
    }
}

/// `distribution.type`.
enum DistributionName: String, CaseIterable, ManifestEnum {
    case pytorch, mpi, tensorflow, ray
}

/// `identity.type` (the SDK converts camelCase, so `UserIdentity` is `user_identity`).
enum IdentityName: String, CaseIterable, ManifestEnum {
    case managed
    case managedIdentity = "managed_identity"
    case amlToken = "aml_token"
    case userIdentity = "user_identity"

    static var acceptsCamelCase: Bool { true }
}
