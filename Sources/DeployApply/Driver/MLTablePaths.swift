import AzureML
import DeployYAML

/// The `paths` of an MLTable file as the SDK sends them in `referencedUris`: each entry's `file`, `folder` or
/// `pattern` value.
enum MLTablePaths {
    /// The paths of the MLTable text, as a JSON array; `nil` when the text is not YAML or has no `paths` list.
    static func json(from text: String) -> JSONValue? {
        guard let document = try? YAMLParser().parse(text, name: "MLTable").first,
            let entries = document["paths"]?.items
        else { return nil }
        let paths = entries.compactMap { entry -> JSONValue? in
            for key in ["file", "folder", "pattern"] {
                if let value = entry[key], case .string(let text)? = try? value.resolvedScalar() {
                    return .string(text)
                }
            }
            return nil
        }
        return .array(paths)
    }
}
