import DeployYAML

/// What a YAML document is, judged from its `$schema` URL's file name, else its `type`, else its keys.
enum KindDetection {
    /// A manifest of a kind `deploy` reads.
    case manifest(ManifestKind)
    /// A manifest of a kind `deploy` does not read (a pipeline job, a model): an error at `node`.
    case unsupported(message: String, node: Node)
    /// Not a manifest at all (a conda file, a config file); `reason` completes "not an Azure ML manifest: ".
    case notManifest(reason: String)

    /// The `type` values that name a kind.
    static let typeKinds: [String: ManifestKind] = [
        "command": .command, "sweep": .sweep, "amlcompute": .compute, "uri_file": .data, "uri_folder": .data,
        "mltable": .data,
    ]

    /// Detects the kind of a document's root node.
    static func detect(_ root: Node) -> KindDetection {
        guard root.pairs != nil else {
            return .notManifest(reason: "its top level is \(root.kindDescription), not a mapping")
        }
        var typeKind: ManifestKind?
        var typeText: String?
        if let type = root["type"], case .string(let text)? = try? type.resolvedScalar() {
            typeText = text
            typeKind = typeKinds[text.lowercased()]
        }
        if let schema = root["$schema"], case .string(let url)? = try? schema.resolvedScalar() {
            var stem = String(url.split(separator: "/").last ?? "")
            for suffix in [".schema.json", ".json"] where stem.hasSuffix(suffix) {
                stem = String(stem.dropLast(suffix.count))
                break
            }
            if let kind = ManifestKind(schemaName: stem) { return .manifest(typeKind ?? kind) }
            if let typeKind { return .manifest(typeKind) }
            return .unsupported(
                message: "$schema: \"\(stem)\" manifests are not supported; deploy reads commandJob, sweepJob, "
                    + "environment, data, code and amlCompute manifests", node: schema)
        }
        if let typeKind { return .manifest(typeKind) }
        if let typeText, let node = root["type"] {
            return .unsupported(
                message: "type: \"\(typeText)\" manifests are not supported; deploy reads command, sweep, "
                    + "amlcompute and data (uri_file, uri_folder, mltable) manifests", node: node)
        }
        if root["command"] != nil { return .manifest(.command) }
        if root["trial"] != nil { return .manifest(.sweep) }
        if root["image"] != nil || root["build"] != nil { return .manifest(.environment) }
        var reason = "it has neither `$schema` nor `type`"
        if root["dependencies"] != nil || root["channels"] != nil {
            reason += "; it looks like a conda file, which an environment names with `conda_file`"
        } else {
            reason += "; add `$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json`"
        }
        return .notManifest(reason: reason)
    }

    /// An error when `$schema` and `type` name different kinds (the SDK goes by `type`).
    static func conflict(_ root: Node) -> Diagnostic? {
        guard let schema = root["$schema"], case .string(let url)? = try? schema.resolvedScalar(),
            let typeNode = root["type"], case .string(let text)? = try? typeNode.resolvedScalar(),
            let typeKind = typeKinds[text.lowercased()]
        else { return nil }
        var stem = String(url.split(separator: "/").last ?? "")
        if stem.hasSuffix(".schema.json") { stem = String(stem.dropLast(".schema.json".count)) }
        guard let schemaKind = ManifestKind(schemaName: stem), schemaKind != typeKind else { return nil }
        return Diagnostic(
            .error, "type: \"\(text)\" makes this \(typeKind.article), but $schema says \(stem)", at: typeNode)
    }
}
