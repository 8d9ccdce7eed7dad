import DeployYAML

/// Data and code asset manifests.
extension LoadContext {
    /// Keys the SDK drops from assets because the service sets them.
    static let assetReadOnlyKeys = ["id", "creation_context", "latest_version"]

    /// A data asset manifest.
    func dataAsset(_ reader: MappingReader) -> DataAsset? {
        reader.declare("$schema")
        reader.readOnly(LoadContext.assetReadOnlyKeys + ["properties"])
        let name = reader.string("name", required: true)
        let version = reader.version("version")
        let description = reader.string("description")
        let tags = reader.scalarMap("tags", stringsOnly: false)
        let type = reader.enumValue("type", AssetType.self, allowed: AssetType.dataTypes, caseSensitive: true)
        let path = reader.field("path", required: true) { node, path -> Located<PathReference>? in
            guard let text = string(node, path) else { return nil }
            if PathReference.isRemote(text.value) { return Located(.remote(text.value), node: node) }
            guard let local = existingLocalPath(text, path) else { return nil }
            checkLocalKind(local, type: type?.value ?? .uriFolder, path: path, node: node)
            return Located(.local(local), node: node)
        }
        let datastore = reader.string("datastore")
        let autoDelete = reader.nested("auto_delete_setting") { autoDeleteSetting($0) }
        reader.finish()
        guard let name, let path else { return nil }
        return DataAsset(
            name: name, version: version, description: description, tags: tags, type: type, path: path,
            datastore: datastore, autoDeleteSetting: autoDelete, node: reader.node)
    }

    /// A code asset manifest.
    func codeAsset(_ reader: MappingReader) -> CodeAsset? {
        reader.declare("$schema")
        reader.readOnly(LoadContext.assetReadOnlyKeys)
        let name = reader.string("name", required: true)
        let version = reader.version("version")
        let description = reader.string("description")
        let tags = reader.scalarMap("tags", stringsOnly: false)
        let path = reader.field("path", required: true) { code($0, $1) }
        let datastore = reader.string("datastore")
        let autoDelete = reader.nested("auto_delete_setting") { autoDeleteSetting($0) }
        reader.finish(hints: ["properties": "code assets have no `properties`; use `tags`"])
        guard let name, let path else { return nil }
        return CodeAsset(
            name: name, version: version, description: description, tags: tags, path: path, datastore: datastore,
            autoDeleteSetting: autoDelete, node: reader.node)
    }

    /// An amlcompute cluster manifest.
    func computeCluster(_ reader: MappingReader) -> ComputeCluster? {
        reader.declare("$schema")
        _ = reader.enumValue("type", ComputeTypeName.self, required: true)
        reader.readOnly(["id", "provisioning_errors", "created_on", "provisioning_state"])
        let name = reader.string("name", required: true)
        let size = reader.string("size")
        let tier = reader.enumValue("tier", ComputeTier.self)
        let minInstances = reader.int("min_instances")
        let maxInstances = reader.int("max_instances")
        let idle = reader.int("idle_time_before_scale_down")
        let location = reader.string("location")
        let description = reader.string("description")
        let tags = reader.scalarMap("tags", stringsOnly: true)
        let resourceID = reader.string("resource_id")
        let sshAccess = reader.bool("ssh_public_access_enabled")
        let ssh = reader.nested("ssh_settings") { settings -> Located<ComputeCluster.SSHSettings>? in
            let value = ComputeCluster.SSHSettings(
                adminUsername: settings.string("admin_username"), adminPassword: settings.string("admin_password"),
                sshKeyValue: settings.string("ssh_key_value"))
            settings.finish()
            return Located(value, node: settings.node)
        }
        let network = reader.nested("network_settings") { settings -> Located<ComputeCluster.NetworkSettings>? in
            let value = ComputeCluster.NetworkSettings(
                vnetName: settings.string("vnet_name"), subnet: settings.string("subnet"))
            settings.readOnly(["public_ip_address", "private_ip_address"])
            settings.finish()
            return Located(value, node: settings.node)
        }
        let identity = reader.nested("identity") { computeIdentity($0) }
        let publicIP = reader.bool("enable_node_public_ip")
        reader.finish()
        if let minInstances, let maxInstances, minInstances.value > maxInstances.value {
            error(
                "min_instances: \(minInstances.value) is more than max_instances (\(maxInstances.value))",
                at: minInstances.node)
        }
        guard let name else { return nil }
        var cluster = ComputeCluster(name: name, node: reader.node)
        cluster.size = size
        cluster.tier = tier
        cluster.minInstances = minInstances
        cluster.maxInstances = maxInstances
        cluster.idleTimeBeforeScaleDown = idle
        cluster.location = location
        cluster.description = description
        cluster.tags = tags
        cluster.resourceID = resourceID
        cluster.sshPublicAccessEnabled = sshAccess
        cluster.sshSettings = ssh
        cluster.networkSettings = network
        cluster.identity = identity
        cluster.enableNodePublicIP = publicIP
        return cluster
    }

    /// A cluster's `identity: {type, user_assigned_identities: [{resource_id}]}`.
    private func computeIdentity(_ reader: MappingReader) -> Located<ComputeCluster.Identity>? {
        let type = reader.field("type") { node, path -> Located<String>? in
            guard let text = string(node, path) else { return nil }
            let allowed = ["system_assigned", "user_assigned", "none", "system_assigned,user_assigned"]
            let normalized = text.value.split(separator: ",").map {
                AutoDeleteCondition.camelToSnake(String($0).trimmingWhitespace)
            }.joined(separator: ",")
            guard allowed.contains(normalized) else {
                mismatch(path, "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", "), node)
                return nil
            }
            return Located(normalized, node: node)
        }
        var identities: [Located<String>] = []
        if let list = reader.value("user_assigned_identities") {
            let path = reader.childPath("user_assigned_identities")
            if let items = list.items {
                for (index, item) in items.enumerated() {
                    let itemPath = LoadContext.join(path, index: index)
                    guard let entry = MappingReader(item, path: itemPath, context: self) else { continue }
                    if let resource = entry.string("resource_id") { identities.append(resource) }
                    entry.readOnly(["principal_id", "client_id", "tenant_id"])
                    entry.finish()
                }
            } else {
                mismatch(path, "a sequence", list)
            }
        }
        reader.readOnly(["principal_id", "tenant_id"])
        reader.finish()
        return Located(ComputeCluster.Identity(type: type, userAssignedIdentities: identities), node: reader.node)
    }
}

/// A compute manifest's `type`.
enum ComputeTypeName: String, CaseIterable, ManifestEnum {
    case amlcompute
}
