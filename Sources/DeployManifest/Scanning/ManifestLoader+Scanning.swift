import DeployYAML
import Foundation

extension ManifestLoader {
    /// Loads the files named and the `*.yml`/`*.yaml` files under the folders named (recursively, hidden entries
    /// skipped). A file named directly must be a manifest. In a folder, YAML files that are not manifests are
    /// skipped with a warning, and files a manifest references (conda files, `file:` environments, anything
    /// inside a code folder or build context) are not read as manifests at all.
    public func load(paths: [String]) -> ManifestSet {
        var set = ManifestSet()
        var seen: Set<String> = []
        for path in paths {
            guard FileManagerProbe.exists(path) else {
                set.diagnostics.append(
                    Diagnostic(severity: .error, message: "no such file or directory", file: path, mark: nil))
                continue
            }
            guard FileManagerProbe.isDirectory(path) else {
                if seen.insert(ManifestLoader.absolutePath(path)).inserted {
                    set.manifests.append(load(file: path))
                }
                continue
            }
            let files = ManifestLoader.yamlFiles(under: path).filter {
                seen.insert(ManifestLoader.absolutePath($0)).inserted
            }
            if files.isEmpty {
                set.diagnostics.append(
                    Diagnostic(
                        severity: .error, message: "no *.yml or *.yaml files in this directory", file: path, mark: nil))
            }
            scan(files, into: &set)
        }
        return set
    }

    /// Loads the manifests among `files`, then drops those another manifest references and warns about the
    /// remaining files that are not manifests.
    private func scan(_ files: [String], into set: inout ManifestSet) {
        var loaded: [LoadedManifest] = []
        var others: [(path: String, diagnostics: [Diagnostic])] = []
        for file in files {
            switch readSource(file) {
            case .failed(let diagnostic):
                others.append((file, [diagnostic]))
            case .read(let source):
                let parsed = parse(source)
                let documents = parsed.outcome.documents
                var reason: String?
                if parsed.outcome.errors.isEmpty {
                    if documents.isEmpty {
                        reason = "it is empty"
                    } else if documents.count == 1, case .notManifest(let why) = KindDetection.detect(documents[0]) {
                        reason = why
                    }
                }
                guard let reason else {
                    loaded.append(load(parsed: parsed, path: file))
                    continue
                }
                let warning = Diagnostic(
                    severity: .warning, message: "not an Azure ML manifest (\(reason)); skipped", file: file,
                    mark: nil)
                others.append((file, [warning]))
            }
        }
        let references = loaded.flatMap(\.references)
        set.manifests += loaded.filter { manifest in
            let absolute = ManifestLoader.absolutePath(manifest.path)
            // A manifest another manifest names exactly (a `file:` environment) was read as part of that one; a file
            // that does not parse and lies in a folder a manifest names is that manifest's data.
            if manifest.kind == nil {
                return !references.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") })
            }
            return !loaded.contains { $0.path != manifest.path && $0.references.contains(absolute) }
        }
        // Other YAML files named by a manifest, or inside a folder it names (code, build context), are its data.
        for other in others {
            let absolute = ManifestLoader.absolutePath(other.path)
            if !references.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) {
                set.diagnostics += other.diagnostics
            }
        }
    }

    /// The `*.yml` and `*.yaml` files under `directory`, recursively, sorted, hidden entries skipped.
    static func yamlFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            if !FileManagerProbe.isDirectory(path) { found.append(path) }
        }
        return found.sorted()
    }
}
