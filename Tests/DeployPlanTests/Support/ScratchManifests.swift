import AzureML
import DeployManifest
import Foundation

/// Manifests written to a temporary folder (removed with the value), translated without a workspace.
final class ScratchManifests {
    let path: String

    init(_ files: [String: String]) throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("deploy-graph-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        for (relative, content) in files {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The translations of the named files, in kind order.
    func translate(_ names: [String]) throws -> [DesiredManifest] {
        try PlanHarness.translate(names.map { path + "/" + $0 }).manifests
    }
}
