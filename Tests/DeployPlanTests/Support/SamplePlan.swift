import AzureML
import DeployManifest
import DeployPlan
import DeployYAML

/// A plan with one change of every action, written by hand so renderers can be asserted in full.
enum SamplePlan {
    static let ws = WorkspaceID.local.armID

    static func location(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static var plan: Plan {
        let pin = PinnedReference(
            reference: "azureml:iris@latest", resolved: "data.iris:3", source: location("jobs/train.yml", 12, 11))
        let upload = Upload(
            destination: .pendingUpload(codeName: "0123abcd", version: "1"),
            source: LocalPath(written: "src", absolute: "/repo/jobs/src", display: "jobs/src"), prefix: "src",
            files: [
                Upload.File(
                    path: "/repo/jobs/src/main.py", relativePath: "main.py", blobPath: "src/main.py", size: 1_200),
                Upload.File(path: "/repo/jobs/src/util.py", relativePath: "util.py", blobPath: "src/util.py", size: 34),
            ], hash: "0123abcd", location: location("jobs/train.yml", 4, 7))
        let codeBody = BodyTemplate(
            json: [
                "properties": [
                    "codeUri": "<pending-upload-container>/src", "isAnonymous": true,
                    "properties": ["hash_sha256": "0123abcd", "deploy.spec_hash": "c0de"],
                ]
            ],
            slots: [
                BodyTemplate.Slot(
                    path: ["properties", "codeUri"],
                    value: TemplateString([
                        .placeholder(.pendingUploadContainer(codeName: "0123abcd", version: "1")), .text("/src"),
                    ]))
            ])
        let jobBody = BodyTemplate(json: [
            "properties": [
                "jobType": "Command", "command": "python main.py",
                "inputs": ["iris": ["jobInputType": "uri_file", "uri": .string("\(ws)/data/iris/versions/3")]],
            ]
        ])
        let changes = [
            PlannedChange(
                address: "data.iris:3", kind: "data", name: "iris", version: "3", action: .read,
                path: "/data/iris/versions/3", id: ws + "/data/iris/versions/3", apiVersion: "2023-04-01-preview",
                body: nil, source: location("jobs/train.yml", 12, 11), manifests: ["jobs/train.yml"],
                reason: "`azureml:iris@latest` resolves to version 3", pins: [pin]),
            PlannedChange(
                address: "code.0123abcd:1", kind: "code", name: "0123abcd", version: "1", action: .create,
                path: "/codes/0123abcd/versions/1", id: ws + "/codes/0123abcd/versions/1", apiVersion: "2023-04-01",
                body: codeBody, uploads: [upload], source: location("jobs/train.yml", 4, 7),
                manifests: ["jobs/train.yml"], reason: "no code version holds this snapshot (content hash 0123abcd)"),
            PlannedChange(
                address: "environment.lightgbm-env:1", kind: "environment", name: "lightgbm-env", version: "1",
                action: .update, path: "/environments/lightgbm-env/versions/1",
                id: ws + "/environments/lightgbm-env/versions/1", apiVersion: "2023-04-01-preview",
                body: BodyTemplate(json: ["properties": ["image": "python:3.11", "tags": ["team": "ml"]]]),
                source: location("envs/lightgbm.yml", 1, 1), manifests: ["envs/lightgbm.yml"],
                reason: "changed outside deploy: tags.team",
                differences: [FieldDifference(path: "tags.team", before: "research", after: "ml", isCreateOnly: false)]
            ),
            PlannedChange(
                address: "environment.base:2", kind: "environment", name: "base", version: "2", action: .conflict,
                path: "/environments/base/versions/2", id: ws + "/environments/base/versions/2",
                apiVersion: "2023-04-01-preview", body: BodyTemplate(json: ["properties": ["image": "python:3.12"]]),
                source: location("envs/base.yml", 1, 1), manifests: ["envs/base.yml"],
                reason: "exists with different create-only fields: image, osType",
                differences: [
                    FieldDifference(path: "image", before: "python:3.11", after: "python:3.12", isCreateOnly: true),
                    FieldDifference(path: "osType", before: nil, after: "linux", isCreateOnly: true),
                    FieldDifference(path: "tags.old", before: "x", after: nil, isCreateOnly: false),
                ],
                advice:
                    "Versions cannot change; bump `version` in envs/base.yml (to 3), or remove it to let deploy pick "
                    + "the next version."),
            PlannedChange(
                address: "data.raw:1", kind: "data", name: "raw", version: "1", action: .noOp,
                path: "/data/raw/versions/1", id: ws + "/data/raw/versions/1", apiVersion: "2023-04-01-preview",
                body: nil, source: location("data/raw.yml", 1, 1), manifests: ["data/raw.yml"], reason: "unchanged"),
            PlannedChange(
                address: "job.train-0123456789", kind: "job", name: "train-0123456789", version: nil, action: .create,
                path: "/jobs/train-0123456789", id: ws + "/jobs/train-0123456789", apiVersion: "2025-01-01-preview",
                body: jobBody, dependsOn: ["data.iris:3", "code.0123abcd:1", "environment.lightgbm-env:1"],
                source: location("jobs/train.yml", 1, 1), manifests: ["jobs/train.yml"], reason: "not submitted yet",
                pins: [pin]),
        ]
        return Plan(
            workspace: PlanWorkspace(
                id: .local, target: "local workspace in /repo/.deploy",
                reason: "the default: no --workspace, AZUREML_WORKSPACE_NAME is not set, and no Azure ML config.json"),
            deployVersion: "0.1.0", changes: changes,
            warnings: [
                Diagnostic(
                    severity: .warning, message: "--rerun does not rename job fixed", file: "jobs/fixed.yml",
                    mark: Mark(line: 1, column: 1), sourceLine: "name: fixed")
            ])
    }
}
