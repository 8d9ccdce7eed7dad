import AzureML
import DeployManifest
import DeployYAML
import Foundation
import Testing

/// Translates manifests written in tests: the YAML and the files it names go into a scratch folder, which lives as
/// long as the fixture.
final class ManifestFixture {
    /// The workspace of the tests.
    static let workspace = WorkspaceID(subscription: "sub", resourceGroup: "rg", workspace: "ws")
    /// `/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws`.
    static let ws = workspace.armID

    let folder: ScratchFolder
    var options: TranslationOptions

    /// A fixture with the given files (path → content).
    init(files: [String: String] = [:], gitProperties: GitProperties = .none) throws {
        folder = try ScratchFolder()
        options = TranslationOptions(
            workspace: Self.workspace, workingDirectoryName: "my project", gitProperties: gitProperties)
        for (path, content) in files { try folder.write(path, content) }
    }

    /// Loads `yaml` as `name` from the folder; the manifest must load without errors.
    func load(_ yaml: String, name: String = "job.yml") throws -> LoadedManifest {
        try folder.write(name, yaml)
        let loaded = ManifestLoader().load(file: folder.path(name))
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.rendered))")
        return loaded
    }

    /// The translation of `yaml`.
    func translate(_ yaml: String, name: String = "job.yml") throws -> DesiredManifest {
        try #require(ManifestTranslator(options: options).translate(try load(yaml, name: name)))
    }

    /// The translation of `yaml`, which must have no errors.
    func resources(_ yaml: String, name: String = "job.yml") throws -> [DesiredResource] {
        let desired = try translate(yaml, name: name)
        #expect(!desired.hasErrors, "\(desired.diagnostics.map(\.rendered))")
        return desired.resources
    }

    /// The `properties` of the last resource's body, placeholders rendered, as canonical JSON.
    func properties(_ yaml: String, name: String = "job.yml") throws -> JSONValue {
        let resources = try resources(yaml, name: name)
        return try #require(resources.last?.body.json["properties"])
    }

    /// The diagnostics of a translation, rendered, with the scratch folder's path removed.
    func diagnostics(_ yaml: String, name: String = "job.yml") throws -> [String] {
        try translate(yaml, name: name).diagnostics.map {
            $0.rendered.replacingOccurrences(of: folder.path + "/", with: "")
        }
    }
}
