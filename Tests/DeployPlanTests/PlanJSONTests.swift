import AzureML
import DeployPlan
import DeployYAML
import Testing

@Suite struct PlanJSONTests {
    /// A read and a create with a slot and an upload, with fingerprints.
    static var small: Plan {
        var plan = SamplePlan.plan
        plan.changes = [plan.changes[0], plan.changes[1]]
        plan.warnings = []
        plan.fingerprints = PlanFingerprints(
            reads: [
                ReadFingerprint(
                    read: StateRead(
                        path: "/data/iris", apiVersion: "2023-04-01-preview", shape: .container, kind: .data),
                    digest: "d1"),
                ReadFingerprint(
                    read: StateRead(
                        path: "/codes/0123abcd/versions", apiVersion: "2023-04-01",
                        query: [.init("hash", "0123abcd"), .init("hashVersion", "202208")], shape: .list, kind: .code),
                    digest: ReadOutcome.absentDigest),
            ],
            files: [FileFingerprint(path: "/repo/jobs/train.yml", digest: "f1")])
        return plan
    }

    @Test func theSavedFormInFull() {
        #expect(
            Self.small.json(includingFingerprints: true).serialized(.pretty) == """
                {
                  "format_version": 1,
                  "deploy_version": "0.1.0",
                  "workspace": {
                    "id": "\(SamplePlan.ws)",
                    "target": "local workspace in /repo/.deploy",
                    "reason": "the default: no --workspace, AZUREML_WORKSPACE_NAME is not set, and no Azure ML config.json"
                  },
                  "summary": {
                    "create": 1,
                    "update": 0,
                    "unchanged": 0,
                    "conflict": 0,
                    "read": 1
                  },
                  "has_changes": true,
                  "changes": [
                    {
                      "address": "data.iris:3",
                      "kind": "data",
                      "name": "iris",
                      "version": "3",
                      "action": "read",
                      "id": "\(SamplePlan.ws)/data/iris/versions/3",
                      "path": "/data/iris/versions/3",
                      "api_version": "2023-04-01-preview",
                      "body": null,
                      "slots": [],
                      "depends_on": [],
                      "source": {
                        "file": "jobs/train.yml",
                        "line": 12,
                        "column": 11
                      },
                      "manifests": [
                        "jobs/train.yml"
                      ],
                      "reason": "`azureml:iris@latest` resolves to version 3",
                      "status": null,
                      "differences": [],
                      "pins": [
                        {
                          "reference": "azureml:iris@latest",
                          "resolved": "data.iris:3",
                          "source": {
                            "file": "jobs/train.yml",
                            "line": 12,
                            "column": 11
                          }
                        }
                      ],
                      "advice": null,
                      "uploads": [],
                      "remote_reads": []
                    },
                    {
                      "address": "code.0123abcd:1",
                      "kind": "code",
                      "name": "0123abcd",
                      "version": "1",
                      "action": "create",
                      "id": "\(SamplePlan.ws)/codes/0123abcd/versions/1",
                      "path": "/codes/0123abcd/versions/1",
                      "api_version": "2023-04-01",
                      "body": {
                        "properties": {
                          "codeUri": "<pending-upload-container>/src",
                          "isAnonymous": true,
                          "properties": {
                            "hash_sha256": "0123abcd",
                            "deploy.spec_hash": "c0de"
                          }
                        }
                      },
                      "slots": [
                        {
                          "path": [
                            "properties",
                            "codeUri"
                          ],
                          "value": "<pending-upload-container>/src",
                          "template": [
                            {
                              "placeholder": {
                                "type": "pending_upload_container",
                                "code_name": "0123abcd",
                                "version": "1"
                              }
                            },
                            {
                              "text": "/src"
                            }
                          ],
                          "is_json": false
                        }
                      ],
                      "depends_on": [],
                      "source": {
                        "file": "jobs/train.yml",
                        "line": 4,
                        "column": 7
                      },
                      "manifests": [
                        "jobs/train.yml"
                      ],
                      "reason": "no code version holds this snapshot (content hash 0123abcd)",
                      "status": null,
                      "differences": [],
                      "pins": [],
                      "advice": null,
                      "uploads": [
                        {
                          "destination": {
                            "type": "pending_upload",
                            "code_name": "0123abcd",
                            "version": "1"
                          },
                          "source": {
                            "written": "src",
                            "absolute": "/repo/jobs/src",
                            "display": "jobs/src"
                          },
                          "prefix": "src",
                          "hash": "0123abcd",
                          "file_count": 2,
                          "total_bytes": 1234,
                          "files": [
                            {
                              "path": "/repo/jobs/src/main.py",
                              "relative_path": "main.py",
                              "blob_path": "src/main.py",
                              "size": 1200
                            },
                            {
                              "path": "/repo/jobs/src/util.py",
                              "relative_path": "util.py",
                              "blob_path": "src/util.py",
                              "size": 34
                            }
                          ],
                          "location": {
                            "file": "jobs/train.yml",
                            "line": 4,
                            "column": 7
                          }
                        }
                      ],
                      "remote_reads": []
                    }
                  ],
                  "errors": [],
                  "warnings": [],
                  "fingerprints": {
                    "reads": [
                      {
                        "method": "GET",
                        "path": "/data/iris",
                        "api_version": "2023-04-01-preview",
                        "query": [],
                        "shape": "container",
                        "kind": "data",
                        "digest": "d1"
                      },
                      {
                        "method": "GET",
                        "path": "/codes/0123abcd/versions",
                        "api_version": "2023-04-01",
                        "query": [
                          {
                            "name": "hash",
                            "value": "0123abcd"
                          },
                          {
                            "name": "hashVersion",
                            "value": "202208"
                          }
                        ],
                        "shape": "list",
                        "kind": "code",
                        "digest": "absent"
                      }
                    ],
                    "files": [
                      {
                        "path": "/repo/jobs/train.yml",
                        "sha256": "f1"
                      }
                    ]
                  }
                }
                """)
    }

    @Test func fingerprintsOnlyInSavedPlans() {
        #expect(Self.small.json()["fingerprints"] == nil)
        #expect(Self.small.json()["changes"] == Self.small.json(includingFingerprints: true)["changes"])
    }

    @Test func aSavedPlanReadsBackAsTheSamePlan() throws {
        var plan = SamplePlan.plan
        plan.fingerprints = Self.small.fingerprints
        plan.errors = [Diagnostic(severity: .error, message: "whole file", file: "x.yml", mark: nil)]
        let json = plan.json(includingFingerprints: true)
        let read = try Plan(json: try JSONValue(parsing: json.serialized(.pretty)))
        #expect(read.json(includingFingerprints: true) == json)
        #expect(
            read.changes
                == plan.changes.map { change in
                    var copy = change
                    copy.source = SourceLocation(
                        file: change.source.file, line: change.source.line, column: change.source.column)
                    copy.pins = change.pins.map {
                        PinnedReference(
                            reference: $0.reference, resolved: $0.resolved,
                            source: SourceLocation(file: $0.source.file, line: $0.source.line, column: $0.source.column)
                        )
                    }
                    return copy
                })
        #expect(read.fingerprints == plan.fingerprints)
        #expect(read.changes[1].body?.placeholders == [.pendingUploadContainer(codeName: "0123abcd", version: "1")])
        #expect(read.changes[1].uploads == plan.changes[1].uploads)
    }

    @Test(arguments: [
        (#"{"format_version": 2}"#, "format_version: this deploy reads plans of format 1, not 2"),
        ("[]", "plan: expected an object, found array"),
        (#"{"format_version": 1}"#, "workspace: required field is missing"),
        (
            #"{"format_version": 1, "deploy_version": "0.1.0", "workspace": {"id": "/nope", "target": "t", "reason": "r"}}"#,
            "workspace.id: '/nope' is not a workspace id: expected /subscriptions/<sub>/resourceGroups/<rg>/providers/"
                + "Microsoft.MachineLearningServices/workspaces/<ws> or "
                + "azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>"
        ),
        (
            #"{"format_version": 1, "deploy_version": "0.1.0", "workspace": {"id": "\#(WorkspaceID.local.armID)", "#
                + #""target": "t", "reason": "r"}, "changes": [{"action": "delete"}]}"#,
            "changes[0].action: unknown action 'delete'"
        ),
        (
            #"{"format_version": 1, "deploy_version": "0.1.0", "workspace": {"id": "\#(WorkspaceID.local.armID)", "#
                + #""target": "t", "reason": "r"}, "changes": [{"action": "read", "source": {"file": "f", "#
                + #""line": 1, "column": 1}}]}"#,
            "changes[0].address: required field is missing"
        ),
    ])
    func invalidSavedPlansNameTheOffendingMember(text: String, message: String) throws {
        #expect(
            throws: PlanError.invalidSavedPlan(
                String(message.split(separator: ": ", maxSplits: 1)[1]),
                field: String(message.split(separator: ": ", maxSplits: 1)[0]))
        ) {
            try Plan(json: try JSONValue(parsing: text))
        }
    }
}
