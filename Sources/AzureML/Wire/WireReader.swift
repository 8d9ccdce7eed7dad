/// Reads the members of a JSON object for the wire model, turning every type mismatch into an `AzureMLError` that
/// names the field's JSON path (`properties.limits.timeout`).
public struct WireReader: Sendable {
    /// The object being read.
    public let object: JSONObject
    /// The JSON path of the object, e.g. `properties.inputs.lr`; empty at the top.
    public let path: String

    /// A reader over `value`, which must be an object.
    public init(_ value: JSONValue, path: String) throws(AzureMLError) {
        guard case .object(let object) = value else {
            throw .invalidBody("expected an object, found \(value.typeName)", field: path.isEmpty ? "body" : path)
        }
        self.object = object
        self.path = path
    }

    /// The JSON path of a member.
    public func field(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    private func mismatch(_ key: String, expected: String, found: JSONValue) -> AzureMLError {
        .invalidBody("expected \(expected), found \(found.typeName)", field: field(key))
    }

    /// A required member, for errors about its absence.
    public func missing(_ key: String) -> AzureMLError {
        .invalidBody("required field is missing", field: field(key))
    }

    /// An optional string member.
    public func string(_ key: String) throws(AzureMLError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, expected: "a string", found: value) }
        return text
    }

    /// A required string member.
    public func requiredString(_ key: String) throws(AzureMLError) -> String {
        guard let text = try string(key) else { throw missing(key) }
        return text
    }

    /// An optional string member that must be one of `allowed` (compared case-insensitively, as ARM does); the
    /// value is returned as sent.
    public func enumString(_ key: String, _ allowed: [String]) throws(AzureMLError) -> String? {
        guard let text = try string(key) else { return nil }
        guard allowed.contains(where: { $0.lowercased() == text.lowercased() }) else {
            throw .invalidBody(
                "'\(text)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))", field: field(key))
        }
        return text
    }

    /// An optional integer member (a double with an integral value is accepted).
    public func int(_ key: String) throws(AzureMLError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue else { throw mismatch(key, expected: "an integer", found: value) }
        return number
    }

    /// An optional number member.
    public func double(_ key: String) throws(AzureMLError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.doubleValue else { throw mismatch(key, expected: "a number", found: value) }
        return number
    }

    /// An optional boolean member.
    public func bool(_ key: String) throws(AzureMLError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(key, expected: "a boolean", found: value) }
        return flag
    }

    /// An optional object member, as a reader.
    public func object(_ key: String) throws(AzureMLError) -> WireReader? {
        guard let value = value(key) else { return nil }
        return try WireReader(value, path: field(key))
    }

    /// An optional array member.
    public func array(_ key: String) throws(AzureMLError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else { throw mismatch(key, expected: "an array", found: value) }
        return elements
    }

    /// An optional array of strings.
    public func stringArray(_ key: String) throws(AzureMLError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw .invalidBody("expected a string, found \(element.typeName)", field: "\(field(key))[\(index)]")
            }
            result.append(text)
        }
        return result
    }

    /// An optional object whose values are strings (or null, which ARM allows in tags and properties).
    public func stringMap(_ key: String) throws(AzureMLError) -> [String: String]? {
        guard let reader = try object(key) else { return nil }
        var result: [String: String] = [:]
        for (name, value) in reader.object {
            switch value {
            case .string(let text): result[name] = text
            case .null: continue
            default:
                throw .invalidBody("expected a string, found \(value.typeName)", field: reader.field(name))
            }
        }
        return result
    }

    /// An optional object whose values are read by `read`, keyed by member name.
    public func map<T>(_ key: String, _ read: (JSONValue, String) throws(AzureMLError) -> T)
        throws(AzureMLError) -> [String: T]?
    {
        guard let reader = try object(key) else { return nil }
        var result: [String: T] = [:]
        for (name, value) in reader.object where !value.isNull {
            result[name] = try read(value, reader.field(name))
        }
        return result
    }

    /// The raw member, when present and not null.
    public func raw(_ key: String) -> JSONValue? {
        value(key)
    }
}

/// Builds the JSON of a wire type: members are written in call order, and `nil` values are left out.
public struct WireWriter: Sendable {
    /// The object built so far.
    public private(set) var object = JSONObject()

    /// An empty writer.
    public init() {}

    /// Writes `value` under `key` unless it is `nil`.
    public mutating func set(_ key: String, _ value: JSONValue?) {
        if let value { object[key] = value }
    }

    /// Writes a string unless it is `nil`.
    public mutating func set(_ key: String, _ value: String?) {
        if let value { object[key] = .string(value) }
    }

    /// Writes an integer unless it is `nil`.
    public mutating func set(_ key: String, _ value: Int?) {
        if let value { object[key] = .int(value) }
    }

    /// Writes a number unless it is `nil`.
    public mutating func set(_ key: String, _ value: Double?) {
        if let value { object[key] = .double(value) }
    }

    /// Writes a boolean unless it is `nil`.
    public mutating func set(_ key: String, _ value: Bool?) {
        if let value { object[key] = .bool(value) }
    }

    /// Writes a string map (keys sorted, for stable output) unless it is `nil`.
    public mutating func set(_ key: String, _ value: [String: String]?) {
        guard let value else { return }
        object[key] = .object(JSONObject(value.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }

    /// Writes a string array unless it is `nil`.
    public mutating func set(_ key: String, _ value: [String]?) {
        guard let value else { return }
        object[key] = .array(value.map(JSONValue.string))
    }

    /// The object as a JSON value.
    public var json: JSONValue { .object(object) }
}
