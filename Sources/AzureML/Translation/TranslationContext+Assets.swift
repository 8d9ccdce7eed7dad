import DeployManifest
import DeployYAML

/// Environment, data, code and compute manifests.
extension TranslationContext {
    /// An environment asset: its version as written, or left to the workspace.
    func environmentAsset(_ asset: EnvironmentAsset) {
        guard let parts = environmentParts(asset.definition, node: asset.node, anonymous: false) else { return }
        add(
            DesiredResource(
                kind: .environment, name: .fixed(asset.name.value), version: asset.version?.value,
                apiVersion: versions.environments, body: parts.body,
                preparations: parts.upload.map { [.upload($0)] } ?? [], origin: .manifest,
                source: SourceLocation(asset.node)))
    }

    /// A data asset (`Data._to_rest_object`): `tags` and `properties` always sent, a local path uploaded under
    /// `LocalUpload/<object hash>/<name>` (the URI without a trailing `/`), an MLTable's paths as `referencedUris`.
    func dataAsset(_ asset: DataAsset) {
        var builder = BodyBuilder()
        var preparations: [DesiredResource.Preparation] = []
        let type = asset.effectiveType
        let uri: TemplateString
        var referencedURIs: [String]?
        var mltableSlot: Placeholder?
        let reference: AssetReference
        do {
            reference = try AssetReference(asset.path, role: .dataPath)
        } catch {
            report(error, at: asset.path.node)
            return
        }
        switch reference.target {
        case .local(let local):
            let datastore = asset.datastore?.value ?? TranslationOptions.defaultDatastore
            guard let upload = datastoreUpload(local, datastore: datastore, node: asset.path.node),
                let base = upload.datastoreURI
            else { return }
            preparations.append(.upload(upload))
            uri = TemplateString(stringLiteral: base)
            if type == .mltable {
                referencedURIs = mltablePaths(local.absolute + "/MLTable", node: asset.path.node)
            }
        default:
            uri = TemplateString(stringLiteral: reference.wireValue(in: workspace) ?? reference.written)
            if type == .mltable, let read = mltableRead(reference, node: asset.path.node) {
                preparations.append(.read(read))
                mltableSlot = read.supplies
            }
        }
        if let setting = asset.autoDeleteSetting {
            warning("auto_delete_setting: not sent (experimental in the SDK)", at: setting.node)
        }
        let properties = DataVersionProperties(
            dataType: type.rawValue, dataUri: builder.string(uri), referencedUris: referencedURIs,
            description: asset.description?.value, tags: stringMap(asset.tags, "tags"), properties: [:],
            isAnonymous: false, isArchived: false)
        var body = builder.finish(["properties": properties.json])
        if let mltableSlot, case .object(var root) = body.json, case .object(var members)? = root["properties"] {
            members["referencedUris"] = .string(mltableSlot.description)
            root["properties"] = .object(members)
            body.json = .object(root)
            body.slots.append(
                .init(
                    path: ["properties", "referencedUris"], value: TemplateString([.placeholder(mltableSlot)]),
                    isJSON: true))
        }
        add(
            DesiredResource(
                kind: .data, name: .fixed(asset.name.value), version: asset.version?.value, apiVersion: versions.data,
                body: body, preparations: preparations, origin: .manifest, source: SourceLocation(asset.node)))
    }

    /// The read of a remote MLTable file the SDK makes to send its `paths` (`read_remote_mltable_metadata_contents`):
    /// through the datastore of an `azureml://` datastore URI, or directly for an https URL; other URIs are not read
    /// (the SDK sends no `referencedUris` for them).
    private func mltableRead(_ reference: AssetReference, node: Node) -> RemoteRead? {
        let placeholder = Placeholder.mltablePaths(uri: reference.written)
        let location = SourceLocation(node)
        var datastorePath: (String, String)?
        switch reference.target {
        case .datastorePath(let datastore, let path):
            datastorePath = (datastore, path)
        case .workspaceDatastorePath(let uri):
            let segments = uri.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if let index = segments.firstIndex(where: { $0.lowercased() == "datastores" }), index + 3 < segments.count,
                segments[index + 2] == "paths"
            {
                datastorePath = (segments[index + 1], segments[(index + 3)...].joined(separator: "/"))
            }
        case .url(let url) where url.lowercased().hasPrefix("https://"):
            return RemoteRead(
                datastore: nil, url: TemplateString(stringLiteral: RemoteRead.joiningMLTable(to: url)),
                supplies: placeholder, location: location)
        default:
            break
        }
        guard let (datastore, path) = datastorePath else { return nil }
        var trimmed = path
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return RemoteRead(
            datastore: datastore,
            url: TemplateString([.placeholder(.datastoreContainer(datastore)), .text("/" + trimmed + "/MLTable")]),
            supplies: placeholder, location: location)
    }

    /// The `paths` of a local MLTable file, each entry's `file`, `folder` or `pattern` value.
    private func mltablePaths(_ file: String, node: Node) -> [String]? {
        let root: Node
        do {
            let source = try YAMLParser.readFile(atPath: file)
            guard let document = try YAMLParser().parse(source).first else { return nil }
            root = document
        } catch {
            self.error("path: cannot read the MLTable file: \(error.message)", at: node)
            return nil
        }
        guard let paths = root["paths"]?.items else { return nil }
        return paths.compactMap { entry in
            for key in ["file", "folder", "pattern"] {
                if let value = entry[key], case .string(let text)? = try? value.resolvedScalar() { return text }
            }
            return nil
        }
    }

    /// A code asset: the snapshot's hash names nothing here (the asset has its own name and version), but the SDK
    /// still looks the hash up first and sends it. `description` and `tags` are not sent (`Code._to_rest_object`).
    func codeAsset(_ asset: CodeAsset) {
        guard let version = asset.version?.value else {
            error(
                "a code asset needs a `version` (the SDK cannot pick one for named code)", at: asset.name.node)
            return
        }
        if let description = asset.description {
            warning("description: not sent (the SDK leaves it out of code versions)", at: description.node)
        }
        if let first = asset.tags.first {
            warning("tags: not sent (the SDK leaves them out of code versions)", at: first.key.node)
        }
        let reference: AssetReference
        do {
            reference = try AssetReference(asset.path, role: .code)
        } catch {
            report(error, at: asset.path.node)
            return
        }
        var builder = BodyBuilder()
        var preparations: [DesiredResource.Preparation] = []
        var origin = DesiredResource.Origin.manifest
        var properties: CodeVersionProperties
        switch reference.target {
        case .local(let path):
            guard let (files, hash) = snapshotFiles(path, node: asset.path.node) else { return }
            let binding = codeSnapshot(
                path, files: files, hash: hash, name: asset.name.value, version: version,
                location: SourceLocation(asset.path.node))
            preparations.append(.upload(binding.upload))
            properties = CodeVersionProperties(
                codeUri: builder.string(binding.uri), contentHash: binding.upload.hash, isAnonymous: false)
            origin = .manifest
        case .url(let url):
            properties = CodeVersionProperties(codeUri: url, contentHash: nil, isAnonymous: false)
            properties.properties = [:]
        default:
            error("path: a code asset's path is a local folder or a URL", at: asset.path.node)
            return
        }
        add(
            DesiredResource(
                kind: .code, name: .fixed(asset.name.value), version: version, apiVersion: versions.codes,
                body: builder.finish(["properties": properties.json]), preparations: preparations, origin: origin,
                source: SourceLocation(asset.node)))
    }

    /// An amlcompute cluster (`AmlCompute._to_rest_object`): size `STANDARD_DS3_V2`, 0 to 4 nodes and 120 s idle
    /// time unless written; the workspace's location unless the manifest gives one.
    func computeCluster(_ cluster: ComputeCluster) {
        var builder = BodyBuilder()
        let tier: String? =
            switch cluster.tier?.value {
            case .dedicated?: "Dedicated"
            case .lowPriority?: "LowPriority"
            case nil: nil
            }
        let idle = cluster.idleTimeBeforeScaleDown?.value ?? 120
        let properties = ComputeProperties(
            description: cluster.description?.value, vmSize: cluster.size?.value ?? "STANDARD_DS3_V2",
            vmPriority: tier, minNodeCount: cluster.minInstances?.value ?? 0,
            maxNodeCount: cluster.maxInstances?.value ?? 4,
            nodeIdleTimeBeforeScaleDown: idle == 0 ? nil : ISODuration.string(seconds: idle))
        for (key, node) in [
            ("ssh_settings", cluster.sshSettings?.node), ("network_settings", cluster.networkSettings?.node),
            ("identity", cluster.identity?.node), ("ssh_public_access_enabled", cluster.sshPublicAccessEnabled?.node),
            ("enable_node_public_ip", cluster.enableNodePublicIP?.node),
        ] {
            if let node {
                warning("\(key): not sent by deploy (only size, tier, instances and idle time are)", at: node)
            }
        }
        let location =
            cluster.location.map { TemplateString(stringLiteral: $0.value) }
            ?? TemplateString([.placeholder(.workspaceLocation)])
        var body = JSONObject([("location", .string(builder.string(location))), ("properties", properties.json)])
        let tags = stringMap(cluster.tags, "tags")
        if !tags.isEmpty {
            body["tags"] = .object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        add(
            DesiredResource(
                kind: .compute, name: .fixed(cluster.name.value), version: nil, apiVersion: versions.computes,
                body: builder.finish(.object(body)), origin: .manifest, source: SourceLocation(cluster.node)))
    }
}
