import AzureML
import DeployManifest
import DeployPlan
import DeployYAML
import Foundation

/// What a plan is made from: the manifests at the paths given, loaded (with `--set`), validated and translated for
/// the workspace in kind order, the local files they involve (for fingerprints), the git commit, and the problems
/// found on the way. `deploy apply` plans from it as `deploy plan` does.
struct ManifestInputs {
    /// The translated manifests, in kind order; empty when there are errors.
    var desired: [DesiredManifest] = []
    /// The absolute paths of the local files the manifests involve.
    var files: [String] = []
    /// Errors of loading, validation and translation.
    var errors: [Diagnostic] = []
    /// Warnings.
    var warnings: [Diagnostic] = []
    /// The git commit of the working directory, recorded in fingerprints.
    var commit: String?

    /// Loads and translates the manifests at `paths` (`.` when empty) for `workspace`.
    static func load(
        paths: [String], overrides: [ManifestOverride], workspace: WorkspaceID, environment: [String: String],
        workingDirectory: String, runGit: @escaping ([String]) -> String?
    ) -> ManifestInputs {
        var inputs = ManifestInputs()
        let set = ManifestLoader(overrides: overrides).load(paths: paths.isEmpty ? ["."] : paths)
        var diagnostics = set.diagnostics + set.manifests.flatMap(\.diagnostics)
        let git = GitProperties.collect(environment: environment, runGit: runGit)
        let options = TranslationOptions(
            workspace: workspace,
            workingDirectoryName: ExperimentName.lastComponent(
                of: URL(fileURLWithPath: workingDirectory).resolvingSymlinksInPath().path),
            gitProperties: git)
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let translator = ManifestTranslator(options: options)
            let ordered = set.manifests.enumerated().sorted { left, right in
                let (a, b) = (
                    DeployCommand.Render.order(left.element.kind), DeployCommand.Render.order(right.element.kind)
                )
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
            inputs.desired = ordered.compactMap { translator.translate($0) }
            diagnostics += inputs.desired.flatMap(\.diagnostics)
        }
        inputs.errors = diagnostics.filter { $0.severity == .error }
        inputs.warnings = diagnostics.filter { $0.severity == .warning }
        if !inputs.errors.isEmpty { inputs.desired = [] }
        inputs.files = PlanInputs.files(
            of: set.manifests.map { DeployCommand.Plan.absolute($0, in: workingDirectory) })
        inputs.commit = git.entries.first { $0.key == GitProperties.commitKey }?.value
        return inputs
    }
}
