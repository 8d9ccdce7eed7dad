public import DeployYAML
import Foundation

/// Loads manifests: parses the YAML, applies `--set` overrides, detects the kind, reads the typed model and
/// collects every problem in one pass, sorted by position.
public struct ManifestLoader: Sendable {
    /// The YAML parser and its limits.
    public var parser: YAMLParser
    /// `--set` overrides applied to every manifest before validation.
    public var overrides: [ManifestOverride]

    /// A loader with the given parser and overrides.
    public init(parser: YAMLParser = YAMLParser(), overrides: [ManifestOverride] = []) {
        self.parser = parser
        self.overrides = overrides
    }

    /// Loads the manifest at `path`, given explicitly: a YAML file that is not a manifest is an error.
    public func load(file path: String) -> LoadedManifest {
        switch readSource(path) {
        case .failed(let diagnostic):
            return LoadedManifest(
                path: path, directory: ManifestLoader.absoluteDirectory(of: path), kind: nil, manifest: nil,
                diagnostics: [diagnostic], references: [])
        case .read(let source):
            return load(parsed: parse(source), path: path)
        }
    }

    /// Loads a manifest from a source; relative paths start at `directory` (absolute), or at the folder of the
    /// source's name.
    public func load(source: SourceFile, directory: String? = nil) -> LoadedManifest {
        load(parsed: parse(source), path: source.name, directory: directory)
    }

    /// A source read and parsed, before any decision about what it is.
    struct Parsed {
        let source: SourceFile
        let outcome: YAMLParser.Outcome

        /// The single document, if the source parsed cleanly and holds exactly one.
        var root: Node? {
            outcome.errors.isEmpty && outcome.documents.count == 1 ? outcome.documents[0] : nil
        }
    }

    /// A file's bytes, or why they could not be read.
    enum SourceRead {
        case read(SourceFile)
        case failed(Diagnostic)
    }

    /// Reads a file, or a whole-file diagnostic.
    func readSource(_ path: String) -> SourceRead {
        do throws(YAMLError) {
            return .read(try YAMLParser.readFile(atPath: path))
        } catch {
            return .failed(error.diagnostic)
        }
    }

    /// Parses a source, collecting every syntax problem.
    func parse(_ source: SourceFile) -> Parsed {
        Parsed(source: source, outcome: parser.check(source))
    }

    /// Loads a parsed source as a manifest; anything that is not one is an error.
    func load(parsed: Parsed, path: String, directory: String? = nil) -> LoadedManifest {
        let base = directory ?? ManifestLoader.absoluteDirectory(of: path)
        var result = LoadedManifest(
            path: path, directory: base, kind: nil, manifest: nil, diagnostics: [], references: [])
        if !parsed.outcome.errors.isEmpty {
            result.diagnostics = parsed.outcome.errors.map(\.diagnostic)
            return result
        }
        let documents = parsed.outcome.documents
        guard var root = documents.first else {
            result.diagnostics = [
                Diagnostic(severity: .error, message: "empty file; expected a manifest", file: path, mark: nil)
            ]
            return result
        }
        if documents.count > 1 {
            result.diagnostics = [
                Diagnostic(.error, "expected a single YAML document; another one starts here", at: documents[1])
            ]
            return result
        }
        let context = LoadContext(
            directory: base, displayDirectory: LocalPath.parent(of: path), parser: parser)
        for override in overrides {
            switch root.applying(override) {
            case .success(let applied): root = applied
            case .failure(let failure):
                context.error("\(override.keyPath): \(failure.message)", at: failure.segment.node)
            }
        }
        switch KindDetection.detect(root) {
        case .notManifest(let reason):
            context.error("not an Azure ML manifest: \(reason)", at: root)
        case .unsupported(let message, let node):
            context.error(message, at: node)
        case .manifest(let kind):
            result.kind = kind
            if let conflict = KindDetection.conflict(root) { context.append([conflict]) }
            let manifest = ManifestLoader.read(kind, root: root, context: context)
            if !context.hasErrors { result.manifest = manifest }
        }
        result.references = context.references
        result.diagnostics = context.diagnostics.map { diagnostic in
            guard diagnostic.file == ManifestOverride.sourceName else { return diagnostic }
            var annotated = diagnostic
            annotated.message += " (applied to \(path))"
            return annotated
        }.sorted()
        return result
    }

    /// Reads the typed manifest of a detected kind.
    static func read(_ kind: ManifestKind, root: Node, context: LoadContext) -> Manifest? {
        guard let reader = MappingReader(root, path: "", context: context) else { return nil }
        switch kind {
        case .command: return context.commandJob(reader).map(Manifest.command)
        case .sweep: return context.sweepJob(reader).map(Manifest.sweep)
        case .environment: return context.environmentAsset(reader).map(Manifest.environment)
        case .data: return context.dataAsset(reader).map(Manifest.data)
        case .code: return context.codeAsset(reader).map(Manifest.code)
        case .compute: return context.computeCluster(reader).map(Manifest.compute)
        }
    }

    /// The absolute, normalized folder of `path` (relative paths start at the working directory).
    static func absoluteDirectory(of path: String) -> String {
        LocalPath.parent(of: absolutePath(path))
    }

    /// `path` made absolute against the working directory and normalized.
    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return LocalPath.normalize(path) }
        return LocalPath.normalize(FileManager.default.currentDirectoryPath + "/" + path)
    }
}
