public import ArgumentParser
import AzureML
import DeployManifest
import DeployYAML
import Foundation

extension DeployCommand {
    /// `deploy render [--set k=v]... [--workspace-id ARM_ID] [--cwd-name NAME] [--no-git] PATH...`: the requests
    /// the SDK would send to an empty workspace, as JSON, without contacting one.
    public struct Render: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Print the REST requests the manifests imply for an empty workspace, without sending any.",
            discussion: """
                A client-side dry run: the manifests are validated, translated into the request bodies azure-ai-ml \
                1.35.2 would send, and printed as JSON in the order the SDK sends them (assets by kind first: \
                computes and environments, data, code, then jobs). Uploads are listed with their files and sizes, \
                not their bytes. Values only a workspace can supply appear as <placeholders>, explained under \
                "placeholders"; @latest references stay visible and are reported as warnings. Validation errors are \
                printed as `deploy validate` prints them, with exit status 1.
                """
        )

        /// `--set path=value` overrides.
        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "Override a manifest value before validation, as az ml does (repeatable).",
                valueName: "key.path=value"))
        public var overrides: [String] = []

        /// The workspace the ids name.
        @Option(
            name: .customLong("workspace-id"),
            help: ArgumentHelp("The ARM id of the workspace (default: the local workspace).", valueName: "arm-id"))
        public var workspaceID: String = WorkspaceID.local.armID

        /// The working directory's name, which names experiments by default.
        @Option(
            name: .customLong("cwd-name"),
            help: ArgumentHelp(
                "The working directory name the default experiment is named after (default: the real one).",
                valueName: "name"))
        public var cwdName: String?

        /// Leave out the git properties.
        @Flag(name: .customLong("no-git"), help: "Leave out the git properties the SDK adds to jobs.")
        public var noGit = false

        /// The files and directories to render.
        @Argument(help: "Manifest files, or directories to search for *.yml and *.yaml manifests.")
        public var paths: [String]

        /// Parsing only.
        public init() {}

        /// Every `--set` must be `key.path=value`, and the workspace id an ARM id.
        public func validate() throws {
            _ = try parsedOverrides()
            _ = try workspace()
        }

        /// Renders and prints.
        public func run() async throws {
            let outcome = try execute()
            try CommandOutcome(
                standardOutput: outcome.standardOutput, standardError: outcome.standardError,
                exitCode: outcome.failed ? 1 : 0
            ).emit()
        }

        /// What a run prints on each stream, and whether it fails. `environment` supplies the `AZUREML_GIT_*`
        /// overrides (default: the process's) and `runGit` runs git (default: in the working directory).
        public func execute(
            environment: [String: String]? = nil, runGit: (([String]) -> String?)? = nil
        ) throws -> (standardOutput: String, standardError: String, failed: Bool) {
            let loader = ManifestLoader(overrides: try parsedOverrides())
            let set = loader.load(paths: paths)
            var report = ValidationReport()
            report.files = set.manifests.map(\.path)
            report.diagnostics = set.diagnostics + set.manifests.flatMap(\.diagnostics)
            if report.hasErrors { return ("", report.text, true) }

            let directory = FileManager.default.currentDirectoryPath
            let git: GitProperties =
                noGit
                ? .none
                : GitProperties.collect(
                    environment: environment ?? ProcessInfo.processInfo.environment,
                    runGit: runGit ?? GitRunner(directory: directory).run)
            let options = TranslationOptions(
                workspace: try workspace(),
                workingDirectoryName: cwdName
                    ?? ExperimentName.lastComponent(
                        of: URL(fileURLWithPath: directory).resolvingSymlinksInPath().path),
                gitProperties: git)
            let translator = ManifestTranslator(options: options)
            let ordered = set.manifests.enumerated().sorted { left, right in
                let (a, b) = (Self.order(left.element.kind), Self.order(right.element.kind))
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
            let desired = ordered.compactMap { translator.translate($0) }
            var diagnostics = report.diagnostics + desired.flatMap(\.diagnostics)
            if desired.contains(where: \.hasErrors) {
                var failed = ValidationReport()
                failed.files = report.files
                failed.diagnostics = diagnostics
                return ("", failed.text, true)
            }
            for reference in desired.flatMap(\.resources).flatMap(\.references) where reference.needsLookup {
                guard case .asset(let asset) = reference.target else { continue }
                diagnostics.append(
                    reference.source.diagnostic(
                        .warning,
                        "`\(asset.written)` is resolved when the workspace is read; the requests show <latest>"))
            }
            let requests = DryRun(workspace: options.workspace, apiVersions: options.apiVersions)
                .requests(for: desired)
            var legend = JSONObject()
            for placeholder in Set(desired.flatMap(\.resources).flatMap(Self.placeholders)).sorted() {
                legend[placeholder.description] = .string(placeholder.explanation)
            }
            let document: JSONValue = [
                "workspace": .string(options.workspace.armID),
                "requests": .array(requests.map(\.json)),
                "placeholders": .object(legend),
            ]
            let warnings = diagnostics.map { $0.rendered + "\n" }.joined()
            return (document.serialized(.pretty) + "\n", warnings, false)
        }

        /// The placeholders a resource's requests show: in its body, its upload destinations and its lookups.
        static func placeholders(_ resource: DesiredResource) -> [Placeholder] {
            var result = resource.body.placeholders.filter {
                if case .codeVersionID = $0 { return false }
                return true
            }
            result += resource.uploads.flatMap(\.containerURL.placeholders)
            for case .read(let read) in resource.preparations { result += read.url.placeholders }
            return result
        }

        /// Kinds in the order their resources must exist; unknown kinds last.
        static func order(_ kind: ManifestKind?) -> Int {
            switch kind {
            case .compute?, .environment?: 0
            case .data?: 1
            case .code?: 2
            case .command?, .sweep?: 3
            case nil: 4
            }
        }

        private func workspace() throws -> WorkspaceID {
            do {
                return try WorkspaceID(parsing: workspaceID)
            } catch {
                throw ValidationError(error.message)
            }
        }

        private func parsedOverrides() throws -> [ManifestOverride] {
            do {
                return try overrides.map { argument throws(ManifestError) in try ManifestOverride(argument) }
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
