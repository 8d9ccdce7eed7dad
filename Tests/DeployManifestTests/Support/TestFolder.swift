import DeployManifest
import DeployYAML
import Foundation

/// A temporary folder holding the files a test manifest references; manifests are loaded from text as if they were
/// a file named `job.yml` in it, so local paths display as written.
struct TestFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (relative, text) in files {
            let file = url.appendingPathComponent(relative)
            if relative.hasSuffix("/") {
                try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    var path: String { url.path }

    /// Loads `text` as the manifest `name` in this folder, with `--set` overrides.
    func load(_ text: String, name: String = "job.yml", overrides: [String] = []) throws -> LoadedManifest {
        let loader = ManifestLoader(overrides: try overrides.map { try ManifestOverride($0) })
        return loader.load(source: SourceFile(name: name, text: text), directory: path)
    }
}

extension LoadedManifest {
    /// Every diagnostic rendered, joined by line breaks.
    var rendered: String { diagnostics.map(\.rendered).joined(separator: "\n") }

    var commandJob: CommandJob? {
        if case .command(let job)? = manifest { return job }
        return nil
    }

    var sweepJob: SweepJob? {
        if case .sweep(let job)? = manifest { return job }
        return nil
    }

    var environmentAsset: EnvironmentAsset? {
        if case .environment(let asset)? = manifest { return asset }
        return nil
    }

    var dataAsset: DataAsset? {
        if case .data(let asset)? = manifest { return asset }
        return nil
    }

    var codeAsset: CodeAsset? {
        if case .code(let asset)? = manifest { return asset }
        return nil
    }

    var computeCluster: ComputeCluster? {
        if case .compute(let cluster)? = manifest { return cluster }
        return nil
    }
}

/// Where the package's files are, for fixtures and the example manifests.
enum PackagePaths {
    /// The package root (three levels above this file).
    static let root: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// `Tests/DeployManifestTests/Fixtures`.
    static let fixtures = root + "/Tests/DeployManifestTests/Fixtures"

    /// `../shared/conformance`, when present.
    static let conformance = root + "/../shared/conformance"

    static var hasConformance: Bool { FileManager.default.fileExists(atPath: conformance + "/index.json") }
}
