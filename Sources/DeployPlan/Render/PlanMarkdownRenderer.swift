import AzureML
import DeployYAML

/// The Markdown form of a plan, for a pull-request comment: the workspace, the summary, a table of changes, and a
/// collapsible section per change with its differences and the body it sends; errors and warnings at the end.
public struct PlanMarkdownRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The plan as Markdown, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var lines = [
            "### deploy plan", "",
            "Workspace: **\(escape(plan.workspace.target))** (\(escape(plan.workspace.reason)))", "",
            "**\(plan.summary.line)**", "",
        ]
        if !plan.changes.isEmpty {
            lines += ["| | Resource | Action | Why |", "|---|---|---|---|"]
            for change in plan.changes {
                lines.append(
                    "| `\(change.action.symbol)` | `\(change.address)` | \(change.action.rawValue) | "
                        + "\(escape(change.reason)) |")
            }
            lines.append("")
            for change in plan.changes {
                lines += section(change)
            }
        }
        if !plan.errors.isEmpty {
            lines += ["#### Errors", "", "```"] + plan.errors.map(\.rendered) + ["```", ""]
        }
        if !plan.warnings.isEmpty {
            lines += ["#### Warnings", "", "```"] + plan.warnings.map(\.rendered) + ["```", ""]
        }
        return lines.joined(separator: "\n")
    }

    private func section(_ change: PlannedChange) -> [String] {
        var lines = [
            "<details><summary><code>\(html(change.action.symbol)) \(html(change.address))</code> "
                + "\(change.action.rawValue)</summary>",
            "",
            "\(escape(change.reason)), from `\(change.source)`.",
            "",
        ]
        if !change.differences.isEmpty {
            lines += ["| Field | Workspace | Manifests | |", "|---|---|---|---|"]
            for difference in change.differences {
                lines.append(
                    "| `\(difference.path)` | \(cell(difference.before)) | \(cell(difference.after)) | "
                        + "\(difference.isCreateOnly ? "create-only" : "") |")
            }
            lines.append("")
        }
        for pin in change.pins {
            lines.append("- `\(pin.reference)` → `\(pin.resolved)` (`\(pin.source)`)")
        }
        for upload in change.uploads {
            lines.append("- " + escape(PlanTextRenderer.describe(upload)))
        }
        if !change.pins.isEmpty || !change.uploads.isEmpty { lines.append("") }
        if let advice = change.advice {
            lines += ["**To fix:** \(escape(advice))", ""]
        }
        if let body = change.body {
            lines += [
                "`PUT \(change.path)?api-version=\(change.apiVersion)`", "", "```json", body.json.serialized(.pretty),
                "```", "",
            ]
        }
        lines += ["</details>", ""]
        return lines
    }

    private func cell(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        return "`" + escape(value.serialized(.compact)).replacingAll("`", "'") + "`"
    }

    /// Text safe in a table cell.
    private func escape(_ text: String) -> String {
        text.replacingAll("|", "\\|").replacingAll("\n", " ")
    }

    private func html(_ text: String) -> String {
        text.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
    }
}
