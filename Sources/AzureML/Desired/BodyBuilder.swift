/// Builds a `BodyTemplate` from a wire-model body: template strings are put in as unique markers, then found again
/// in the finished JSON, so the wire model writes the members in the SDK's order and the slots know their paths.
struct BodyBuilder {
    private var templates: [String: TemplateString] = [:]

    /// The string to put in the wire model for `template`: its text when it has no placeholder, else a marker.
    mutating func string(_ template: TemplateString) -> String {
        guard !template.placeholders.isEmpty else { return template.description }
        let marker = "\u{1}slot\(templates.count)\u{1}"
        templates[marker] = template
        return marker
    }

    /// The finished body: markers found in `json` become slots holding the rendered template.
    func finish(_ json: JSONValue) -> BodyTemplate {
        var slots: [BodyTemplate.Slot] = []
        let rendered = replaceMarkers(json, path: [], slots: &slots)
        return BodyTemplate(json: rendered, slots: slots)
    }

    private func replaceMarkers(_ value: JSONValue, path: [String], slots: inout [BodyTemplate.Slot]) -> JSONValue {
        switch value {
        case .string(let text):
            guard let template = templates[text] else { return value }
            slots.append(BodyTemplate.Slot(path: path, value: template))
            return .string(template.description)
        case .object(let object):
            return .object(
                JSONObject(object.map { ($0.key, replaceMarkers($0.value, path: path + [$0.key], slots: &slots)) }))
        case .array(let items):
            return .array(items.map { replaceMarkers($0, path: path, slots: &slots) })
        default:
            return value
        }
    }
}
