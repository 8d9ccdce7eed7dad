/// A request body whose string values may hold placeholders: the JSON as it would be sent, with each placeholder
/// in its rendered form, and the list of places (slots) where a workspace must supply a value.
public struct BodyTemplate: Sendable, Hashable {
    /// A string member of the body that holds placeholders.
    public struct Slot: Sendable, Hashable {
        /// The member names leading to the value from the body's root (`properties`, `inputs`, `data`, `uri`).
        public var path: [String]
        /// The value.
        public var value: TemplateString
        /// Whether the supplied value is JSON text that replaces the member (a JSON `null` removes it), rather than
        /// the member's string.
        public var isJSON: Bool

        /// A slot.
        public init(path: [String], value: TemplateString, isJSON: Bool = false) {
            self.path = path
            self.value = value
            self.isJSON = isJSON
        }
    }

    /// The body with placeholders rendered as `<...>`.
    public var json: JSONValue
    /// Where the placeholders are.
    public var slots: [Slot]

    /// A body with every field given.
    public init(json: JSONValue, slots: [Slot] = []) {
        self.json = json
        self.slots = slots
    }

    /// Every placeholder the body needs, in slot order, without repeats.
    public var placeholders: [Placeholder] {
        var seen: Set<Placeholder> = []
        return slots.flatMap(\.value.placeholders).filter { seen.insert($0).inserted }
    }

    /// Whether `values` supplies every placeholder.
    public func isResolved(by values: [Placeholder: String]) -> Bool {
        placeholders.allSatisfy { values[$0] != nil }
    }

    /// The body with the placeholders that `values` supplies substituted (the others stay rendered).
    public func resolved(_ values: [Placeholder: String]) -> JSONValue {
        var result = json
        for slot in slots {
            var new: JSONValue? = .string(slot.value.resolved(values))
            if slot.isJSON, slot.value.placeholders.allSatisfy({ values[$0] != nil }) {
                let parsed = try? JSONValue(parsing: slot.value.resolved(values))
                new = parsed?.isNull == false ? parsed : nil
            }
            result = Self.replacing(result, at: slot.path[...], with: new)
        }
        return result
    }

    /// `value` with the member at `path` replaced by `new`, or removed when `new` is `nil`.
    private static func replacing(_ value: JSONValue, at path: ArraySlice<String>, with new: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var object) = value, let member = object[key] else { return value }
        object[key] = path.count == 1 ? new : replacing(member, at: path.dropFirst(), with: new)
        return .object(object)
    }
}
