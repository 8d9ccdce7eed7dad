import AzureML
import DeployManifest

/// The text form of a plan, for terminals and logs, in the manner of Terraform: the workspace and why on the first
/// line, then one block per change with its symbol (`+` create, `~` update, `=` unchanged, `!` conflict, `<=`
/// read), why, the fields it sends or that differ, its uploads and pinned references, and the summary line.
/// Colours (ANSI) only when asked for: the CLI asks on a terminal without `NO_COLOR`.
public struct PlanTextRenderer: Sendable {
    /// Whether to colour symbols and the summary.
    public var colors: Bool

    /// A renderer.
    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// The plan as text, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var lines = ["Workspace: \(plan.workspace.target) (\(plan.workspace.reason))", ""]
        for change in plan.changes {
            lines += block(change)
            lines.append("")
        }
        if !plan.hasChanges, plan.errors.isEmpty {
            lines.append("No changes: the workspace matches the manifests.")
        }
        lines.append(style(plan.summary.line, "1"))
        return lines.joined(separator: "\n") + "\n"
    }

    private func block(_ change: PlannedChange) -> [String] {
        let symbol = change.action.symbol
        let padded = symbol.count == 1 ? "  " + symbol : " " + symbol
        var lines = ["\(style(padded, color(change.action))) \(change.address)"]
        lines.append("      \(change.reason) (\(change.source))")
        switch change.action {
        case .create:
            lines += fields(change).map { "      " + $0 }
        case .update, .conflict:
            lines += change.differences.map { "      " + difference($0) }
        case .noOp, .read:
            break
        }
        for upload in change.uploads {
            lines.append("      " + Self.describe(upload))
        }
        for pin in change.pins where change.action != .read {
            lines.append("      pins \(pin.reference) → \(pin.resolved) (\(pin.source))")
        }
        if change.action == .read, change.pins.count > 1 || change.pins.first?.reference.contains("@") == false {
            for pin in change.pins {
                lines.append("      referenced as \(pin.reference) at \(pin.source)")
            }
        }
        if let advice = change.advice {
            lines.append("      " + advice)
        }
        return lines
    }

    /// `+ name = value` for every member a create sends (the envelope's, then `properties`'s), aligned.
    private func fields(_ change: PlannedChange) -> [String] {
        guard let body = change.body, case .object(let root) = body.json else { return [] }
        var entries: [(String, String)] = []
        let slots = Dictionary(body.slots.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in root where key != "properties" {
            entries.append((key, render(value, slot: slots[[key]])))
        }
        for (key, value) in root["properties"]?.objectValue ?? JSONObject() {
            entries.append((key, render(value, slot: slots[["properties", key]])))
        }
        let width = entries.map(\.0.count).max() ?? 0
        return entries.map { key, value in
            "\(style("+", "32")) \(key)\(String(repeating: " ", count: width - key.count)) = \(value)"
        }
    }

    private func render(_ value: JSONValue, slot: BodyTemplate.Slot?) -> String {
        if let slot { return "(known after apply: \(slot.value))" }
        return value.serialized(.compact)
    }

    private func difference(_ difference: FieldDifference) -> String {
        let suffix = difference.isCreateOnly ? " (create-only)" : ""
        switch (difference.before, difference.after) {
        case (nil, let after?):
            return "\(style("+", "32")) \(difference.path) = \(after.serialized(.compact))\(suffix)"
        case (let before?, nil):
            return "\(style("-", "31")) \(difference.path) = \(before.serialized(.compact))\(suffix)"
        default:
            let before = difference.before?.serialized(.compact) ?? "null"
            let after = difference.after?.serialized(.compact) ?? "null"
            return "\(style("~", "33")) \(difference.path) = \(before) -> \(after)\(suffix)"
        }
    }

    /// `upload 2 files (3,858 bytes) from manifests/data to datastore workspaceblobstore`.
    static func describe(_ upload: Upload) -> String {
        let count = upload.files.count
        let files = "\(count) \(count == 1 ? "file" : "files") (\(grouped(upload.totalBytes)) bytes)"
        let destination: String =
            switch upload.destination {
            case .pendingUpload: "the code version's upload container"
            case .datastore(let name): "datastore \(name) at \(upload.prefix)"
            }
        return "upload \(files) from \(upload.source.display) to \(destination)"
    }

    /// `12,345`.
    static func grouped(_ number: Int64) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private func color(_ action: PlanAction) -> String {
        switch action {
        case .create: "32"
        case .update: "33"
        case .noOp: "2"
        case .conflict: "31"
        case .read: "36"
        }
    }

    private func style(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
