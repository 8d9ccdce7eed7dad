public import DeployYAML

/// Every error the `DeployPlan` module throws: a desired graph that cannot be built (duplicate definitions, cycles),
/// and a saved plan that cannot be read.
public struct PlanError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case invalidGraph
        case invalidSavedPlan
    }

    private let code: Code
    /// What is wrong, in a sentence (the first diagnostic's message for graph errors).
    public let message: String
    /// The problems at their places in the manifests, for graph errors; empty otherwise.
    public let diagnostics: [Diagnostic]

    private init(_ code: Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The manifests do not form a graph that can be planned; `diagnostics` says where.
    public static func invalidGraph(_ diagnostics: [Diagnostic]) -> PlanError {
        PlanError(.invalidGraph, diagnostics.first?.message ?? "invalid resource graph", diagnostics: diagnostics)
    }

    /// A saved plan that is not valid JSON of this format; `field` is the JSON path of the offending value.
    public static func invalidSavedPlan(_ message: String, field: String) -> PlanError {
        PlanError(.invalidSavedPlan, "\(field): \(message)")
    }

    /// A stable name for the kind of error: `invalidGraph`, `invalidSavedPlan`.
    public var kind: String { code.rawValue }

    /// The diagnostics rendered, one per line, or the message.
    public var description: String {
        diagnostics.isEmpty ? message : diagnostics.map(\.rendered).joined(separator: "\n")
    }
}
