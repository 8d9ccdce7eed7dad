import AzureML
import Hummingbird

/// The fields of an MLflow request, from a POST's JSON body or a GET's query string (where every value is a
/// string), read with MLflow's rules: a required field that is absent or empty is missing; int64 fields may be
/// JSON numbers or decimal strings (proto3 JSON); doubles may be numbers or `"NaN"`, `"Infinity"`, `"-Infinity"`.
/// Every error is 400 `INVALID_PARAMETER_VALUE` naming the field's path, such as `metrics[3].value`.
struct MLflowFields: Sendable {
    let object: JSONObject
    /// The path of this object in the request, with a trailing dot (empty at the top).
    let prefix: String

    init(_ object: JSONObject, prefix: String = "") {
        self.object = object
        self.prefix = prefix
    }

    /// The query string's parameters as string fields, decoded as HTML forms are (`+` is a space, as Python's
    /// `requests` encodes them); a repeated name becomes an array of its values.
    init(query: String?) throws(MLflowError) {
        var object = JSONObject()
        for part in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) throws(MLflowError) -> String {
                guard let decoded = QueryParameters.percentDecode(String(text).replacing("+", with: " ")) else {
                    throw .invalid("The query string is not valid percent-encoded UTF-8.")
                }
                return decoded
            }
            let name = try decode(pieces[0])
            let value = JSONValue.string(pieces.count > 1 ? try decode(pieces[1]) : "")
            switch object[name] {
            case nil: object[name] = value
            case .array(let values)?: object[name] = .array(values + [value])
            case let first?: object[name] = .array([first, value])
            }
        }
        self.init(object)
    }

    /// The JSON object of a request body (an empty body reads as `{}`).
    static func body(_ request: Request, context: WorkspaceRequestContext) async throws -> MLflowFields {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return MLflowFields(JSONObject()) }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: buffer.readableBytesView)
        } catch {
            throw MLflowError.invalid("Malformed request body: the body is not JSON: \(error.description).")
        }
        guard let object = json.objectValue else {
            throw MLflowError.invalid("Malformed request body: expected a JSON object, found \(json.typeName).")
        }
        return MLflowFields(object)
    }

    func path(_ name: String) -> String { prefix + name }

    private func present(_ name: String) -> JSONValue? {
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    /// A string field, or `nil` when absent.
    func string(_ name: String) throws(MLflowError) -> String? {
        guard let value = present(name) else { return nil }
        guard let text = value.stringValue else { throw invalidType(name, value, expected: "a string") }
        return text
    }

    /// A string field that must be present and not empty.
    func requiredString(_ name: String) throws(MLflowError) -> String {
        guard let text = try string(name), !text.isEmpty else { throw .missing(path(name)) }
        return text
    }

    /// The run a request names: `run_id`, or the older `run_uuid` (clients send both).
    func runID() throws(MLflowError) -> String {
        if let id = try string("run_id"), !id.isEmpty { return id }
        if let id = try string("run_uuid"), !id.isEmpty { return id }
        throw .missing(path("run_id"))
    }

    /// An int64 field (a JSON integer or a decimal string), or `nil` when absent.
    func int64(_ name: String) throws(MLflowError) -> Int64? {
        guard let value = present(name) else { return nil }
        switch value {
        case .int(let number): return Int64(number)
        case .double(let number) where number.rounded() == number && abs(number) < 9.0e18: return Int64(number)
        case .string(let text):
            guard let number = Int64(text) else { throw invalidType(name, value, expected: "an integer") }
            return number
        default: throw invalidType(name, value, expected: "an integer")
        }
    }

    /// A double field: a JSON number, `"NaN"`, `"Infinity"`, `"-Infinity"` or a decimal string; `nil` when
    /// absent.
    func double(_ name: String) throws(MLflowError) -> Double? {
        guard let value = present(name) else { return nil }
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string(let text):
            guard let number = Double(text), number.isFinite else {
                throw invalidType(name, value, expected: "a number")
            }
            return number
        default: throw invalidType(name, value, expected: "a number")
        }
    }

    /// An array of objects, or `[]` when absent.
    func objects(_ name: String) throws(MLflowError) -> [MLflowFields] {
        guard let value = present(name) else { return [] }
        guard let elements = value.arrayValue else { throw invalidType(name, value, expected: "an array") }
        var fields: [MLflowFields] = []
        for (index, element) in elements.enumerated() {
            guard let object = element.objectValue else {
                throw .invalid(
                    "Invalid value \(element.serialized()) for parameter '\(path(name))[\(index)]' supplied: "
                        + "expected an object.")
            }
            fields.append(MLflowFields(object, prefix: path(name) + "[\(index)]."))
        }
        return fields
    }

    /// An object field, or `nil` when absent.
    func nested(_ name: String) throws(MLflowError) -> MLflowFields? {
        guard let value = present(name) else { return nil }
        guard let object = value.objectValue else { throw invalidType(name, value, expected: "an object") }
        return MLflowFields(object, prefix: path(name) + ".")
    }

    /// An array of strings, or `[]` when absent (a query string's single value counts as one element).
    func strings(_ name: String) throws(MLflowError) -> [String] {
        guard let value = present(name) else { return [] }
        if let text = value.stringValue { return [text] }
        guard let elements = value.arrayValue else { throw invalidType(name, value, expected: "an array") }
        var strings: [String] = []
        for element in elements {
            guard let text = element.stringValue else {
                throw invalidType(name, value, expected: "an array of strings")
            }
            strings.append(text)
        }
        return strings
    }

    /// `[{key, value}]` pairs, such as tags or params: keys required, an absent value is empty (as MLflow reads
    /// an unset proto2 string).
    func keyValues(_ name: String) throws(MLflowError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for entry in try objects(name) {
            pairs.append((try entry.requiredString("key"), try entry.string("value") ?? ""))
        }
        return pairs
    }

    private func invalidType(_ name: String, _ value: JSONValue, expected: String) -> MLflowError {
        .invalid("Invalid value \(value.serialized()) for parameter '\(path(name))' supplied: expected \(expected).")
    }
}
