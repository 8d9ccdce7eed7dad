import DeployYAML
import Foundation

extension ManifestLoader {
    /// Loads the files named and the `*.yml`/`*.yaml` files under the folders named (recursively, hidden entries
    /// skipped). A file named directly must be a manifest. In a folder, YAML files that are not manifests are
    /// skipped with a warning, and files a manifest references (conda files, `file:` environments, anything
    /// inside a code folder or build context) are not read as manifests at all.
    public func load(paths: [String]) -> ManifestSet {
        var items: [ScanItem] = []
        var seen: Set<String> = []
        for path in paths {
            guard FileManagerProbe.exists(path) else {
                items.append(
                    .problem(Diagnostic(severity: .error, message: "no such file or directory", file: path, mark: nil)))
                continue
            }
            guard FileManagerProbe.isDirectory(path) else {
                if seen.insert(ManifestLoader.absolutePath(path)).inserted {
                    items.append(.manifest(load(file: path), given: true))
                }
                continue
            }
            let files = ManifestLoader.yamlFiles(under: path).filter {
                seen.insert(ManifestLoader.absolutePath($0)).inserted
            }
            if files.isEmpty {
                items.append(
                    .problem(
                        Diagnostic(
                            severity: .error, message: "no *.yml or *.yaml files in this directory", file: path,
                            mark: nil)))
            }
            items += files.map(scanned)
        }
        return ManifestLoader.resolve(items)
    }

    /// One result of a scan, before references are known.
    enum ScanItem {
        /// A manifest (or a file that may be one: it does not parse); `given` when named on the command line.
        case manifest(LoadedManifest, given: Bool)
        /// A YAML file in a folder that is not a manifest, with the warning it gets unless a manifest names it.
        case other(path: String, warning: Diagnostic)
        /// A problem with a path argument.
        case problem(Diagnostic)
    }

    /// Loads a file found in a folder: a manifest, or a YAML file that is not one.
    private func scanned(_ file: String) -> ScanItem {
        let source: SourceFile
        switch readSource(file) {
        case .failed(let diagnostic): return .problem(diagnostic)
        case .read(let read): source = read
        }
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
        guard let reason else { return .manifest(load(parsed: parsed, path: file), given: false) }
        let warning = Diagnostic(
            severity: .warning, message: "not an Azure ML manifest (\(reason)); skipped", file: file, mark: nil)
        return .other(path: file, warning: warning)
    }

    /// Drops what the manifests reference, across every path argument: a manifest another one names exactly (a
    /// `file:` environment) was read as part of it; a YAML file named by a manifest, or inside a folder it names
    /// (a code folder, a build context), is that manifest's data, whether or not it parses.
    static func resolve(_ items: [ScanItem]) -> ManifestSet {
        var loaded: [LoadedManifest] = []
        for case .manifest(let manifest, _) in items { loaded.append(manifest) }
        let references = loaded.flatMap(\.references)
        func isNamed(_ path: String, by manifest: String? = nil) -> Bool {
            let absolute = absolutePath(path)
            return loaded.contains { $0.path != manifest && $0.references.contains(absolute) }
        }
        func isInside(_ path: String) -> Bool {
            let absolute = absolutePath(path)
            return references.contains { absolute == $0 || absolute.hasPrefix($0 + "/") }
        }
        var set = ManifestSet()
        for item in items {
            switch item {
            case .problem(let diagnostic):
                set.diagnostics.append(diagnostic)
            case .other(let path, let warning):
                if !isInside(path) { set.diagnostics.append(warning) }
            case .manifest(let manifest, let given):
                if given {
                    set.manifests.append(manifest)
                } else if manifest.kind == nil ? !isInside(manifest.path) : !isNamed(manifest.path, by: manifest.path) {
                    set.manifests.append(manifest)
                }
            }
        }
        return set
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
