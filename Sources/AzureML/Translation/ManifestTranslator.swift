public import DeployManifest
import DeployYAML

/// Translates loaded manifests into desired resources: field by field the REST bodies azure-ai-ml 1.35.2 sends,
/// with the anonymous environment and code versions it would register, the uploads and lookups it would make, and
/// the workspace things each manifest names.
public struct ManifestTranslator: Sendable {
    /// The workspace, working directory, git properties and api-versions.
    public var options: TranslationOptions

    /// A translator with the given options.
    public init(options: TranslationOptions) {
        self.options = options
    }

    /// Translates a loaded manifest; `nil` when it did not load (its diagnostics say why).
    public func translate(_ loaded: LoadedManifest) -> DesiredManifest? {
        guard let manifest = loaded.manifest else { return nil }
        return translate(manifest, path: loaded.path)
    }

    /// Translates a manifest read from `path`. With any error, the result has no resources.
    public func translate(_ manifest: Manifest, path: String) -> DesiredManifest {
        let context = TranslationContext(options: options, path: path)
        switch manifest {
        case .command(let job): context.commandJob(job)
        case .sweep(let job): context.sweepJob(job)
        case .environment(let asset): context.environmentAsset(asset)
        case .data(let asset): context.dataAsset(asset)
        case .code(let asset): context.codeAsset(asset)
        case .compute(let cluster): context.computeCluster(cluster)
        }
        let diagnostics = context.diagnostics.sorted()
        return DesiredManifest(
            path: path, kind: manifest.kind, resources: context.hasErrors ? [] : context.resources,
            diagnostics: diagnostics)
    }
}

extension TranslationContext {
    /// `tags`, `properties` or `environment_variables` as the string map the wire model holds: values as Python's
    /// `str()`; null values are left out with a warning (the wire model has no null strings).
    func stringMap(_ list: KeyedList<Located<ResolvedScalar>>, _ key: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in list {
            guard let text = YAMLJSON.string(entry.value.value) else {
                warning("\(key).\(entry.key.value): null value left out", at: entry.value.node)
                continue
            }
            result[entry.key.value] = text
        }
        return result
    }
}
