public import AzureML

extension Placeholder {
    /// Whether only an apply can supply the value: storage locations handed out or reached with credentials
    /// (`startPendingUpload`'s container, a datastore's container) and remote MLTable paths read through them. The
    /// others (code versions, `@latest` versions, the workspace location) are resolved by the plan.
    public var isResolvedAtApply: Bool {
        switch self {
        case .pendingUploadContainer, .datastoreContainer, .mltablePaths: true
        case .codeVersionID, .latestVersion, .workspaceLocation: false
        }
    }
}

extension TemplateString {
    /// The template with the placeholders `values` supplies written in as text; the others stay placeholders.
    public func partiallyResolved(_ values: [Placeholder: String]) -> TemplateString {
        var segments: [Segment] = []
        for segment in self.segments {
            var piece = segment
            if case .placeholder(let placeholder) = segment, let value = values[placeholder] { piece = .text(value) }
            if case .text(let text) = piece, case .text(let previous)? = segments.last {
                segments[segments.count - 1] = .text(previous + text)
            } else {
                segments.append(piece)
            }
        }
        return TemplateString(segments)
    }
}
