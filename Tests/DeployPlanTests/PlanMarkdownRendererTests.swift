import AzureML
import DeployPlan
import DeployYAML
import Testing

@Suite struct PlanMarkdownRendererTests {
    @Test func aSummaryTableThenOneCollapsibleSectionPerChange() {
        #expect(
            PlanMarkdownRenderer().render(SamplePlan.plan) == """
                ### deploy plan

                Workspace: **local workspace in /repo/.deploy** (the default: no --workspace, \
                AZUREML_WORKSPACE_NAME is not set, and no Azure ML config.json)

                **Plan: 2 to create, 1 to update, 1 unchanged, 1 conflict.**

                | | Resource | Action | Why |
                |---|---|---|---|
                | `<=` | `data.iris:3` | read | `azureml:iris@latest` resolves to version 3 |
                | `+` | `code.0123abcd:1` | create | no code version holds this snapshot (content hash 0123abcd) |
                | `~` | `environment.lightgbm-env:1` | update | changed outside deploy: tags.team |
                | `!` | `environment.base:2` | conflict | exists with different create-only fields: image, osType |
                | `=` | `data.raw:1` | no-op | unchanged |
                | `+` | `job.train-0123456789` | create | not submitted yet |

                <details><summary><code>&lt;= data.iris:3</code> read</summary>

                `azureml:iris@latest` resolves to version 3, from `jobs/train.yml:12:11`.

                - `azureml:iris@latest` → `data.iris:3` (`jobs/train.yml:12:11`)

                </details>

                <details><summary><code>+ code.0123abcd:1</code> create</summary>

                no code version holds this snapshot (content hash 0123abcd), from `jobs/train.yml:4:7`.

                - upload 2 files (1,234 bytes) from jobs/src to the code version's upload container

                `PUT /codes/0123abcd/versions/1?api-version=2023-04-01`

                ```json
                {
                  "properties": {
                    "codeUri": "<pending-upload-container>/src",
                    "isAnonymous": true,
                    "properties": {
                      "hash_sha256": "0123abcd",
                      "deploy.spec_hash": "c0de"
                    }
                  }
                }
                ```

                </details>

                <details><summary><code>~ environment.lightgbm-env:1</code> update</summary>

                changed outside deploy: tags.team, from `envs/lightgbm.yml:1:1`.

                | Field | Workspace | Manifests | |
                |---|---|---|---|
                | `tags.team` | `"research"` | `"ml"` |  |

                `PUT /environments/lightgbm-env/versions/1?api-version=2023-04-01-preview`

                ```json
                {
                  "properties": {
                    "image": "python:3.11",
                    "tags": {
                      "team": "ml"
                    }
                  }
                }
                ```

                </details>

                <details><summary><code>! environment.base:2</code> conflict</summary>

                exists with different create-only fields: image, osType, from `envs/base.yml:1:1`.

                | Field | Workspace | Manifests | |
                |---|---|---|---|
                | `image` | `"python:3.11"` | `"python:3.12"` | create-only |
                | `osType` | (absent) | `"linux"` | create-only |
                | `tags.old` | `"x"` | (absent) |  |

                **To fix:** Versions cannot change; bump `version` in envs/base.yml (to 3), or remove it to let \
                deploy pick the next version.

                `PUT /environments/base/versions/2?api-version=2023-04-01-preview`

                ```json
                {
                  "properties": {
                    "image": "python:3.12"
                  }
                }
                ```

                </details>

                <details><summary><code>= data.raw:1</code> no-op</summary>

                unchanged, from `data/raw.yml:1:1`.

                </details>

                <details><summary><code>+ job.train-0123456789</code> create</summary>

                not submitted yet, from `jobs/train.yml:1:1`.

                - `azureml:iris@latest` → `data.iris:3` (`jobs/train.yml:12:11`)

                `PUT /jobs/train-0123456789?api-version=2025-01-01-preview`

                ```json
                {
                  "properties": {
                    "jobType": "Command",
                    "command": "python main.py",
                    "inputs": {
                      "iris": {
                        "jobInputType": "uri_file",
                        "uri": "\(SamplePlan.ws)/data/iris/versions/3"
                      }
                    }
                  }
                }
                ```

                </details>

                #### Warnings

                ```
                jobs/fixed.yml:1:1: warning: --rerun does not rename job fixed
                name: fixed
                ^
                ```

                """)
    }

    @Test func errorsAreListedAndCellsEscaped() {
        var plan = SamplePlan.plan
        plan.changes = [plan.changes[4]]
        plan.changes[0].reason = "a | b"
        plan.warnings = []
        plan.errors = [
            Diagnostic(severity: .error, message: "no such thing", file: "job.yml", mark: Mark(line: 2, column: 3))
        ]
        #expect(
            PlanMarkdownRenderer().render(plan) == """
                ### deploy plan

                Workspace: **local workspace in /repo/.deploy** (the default: no --workspace, AZUREML_WORKSPACE_NAME \
                is not set, and no Azure ML config.json)

                **Plan: 0 to create, 0 to update, 1 unchanged, 0 conflicts.**

                | | Resource | Action | Why |
                |---|---|---|---|
                | `=` | `data.raw:1` | no-op | a \\| b |

                <details><summary><code>= data.raw:1</code> no-op</summary>

                a \\| b, from `data/raw.yml:1:1`.

                </details>

                #### Errors

                ```
                job.yml:2:3: error: no such thing
                ```

                """)
    }
}
