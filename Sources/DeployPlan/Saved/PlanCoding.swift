import AzureML
import DeployManifest
import DeployYAML

/// The JSON form of the values a plan holds that other modules define (placeholders, templates, uploads, source
/// locations, diagnostics), and the reading back of each. Names are snake_case, as in the rest of the format.
enum PlanCoding {
    // MARK: Writing

    static func json(_ placeholder: Placeholder) -> JSONValue {
        switch placeholder {
        case .codeVersionID(let hash):
            ["type": "code_version_id", "content_hash": .string(hash)]
        case .pendingUploadContainer(let name, let version):
            ["type": "pending_upload_container", "code_name": .string(name), "version": .string(version)]
        case .datastoreContainer(let name):
            ["type": "datastore_container", "datastore": .string(name)]
        case .latestVersion(let kind, let name):
            ["type": "latest_version", "kind": .string(kind.rawValue), "name": .string(name)]
        case .workspaceLocation:
            ["type": "workspace_location"]
        case .mltablePaths(let uri):
            ["type": "mltable_paths", "uri": .string(uri)]
        }
    }

    static func json(_ template: TemplateString) -> JSONValue {
        .array(
            template.segments.map { segment in
                switch segment {
                case .text(let text): ["text": .string(text)]
                case .placeholder(let placeholder): ["placeholder": json(placeholder)]
                }
            })
    }

    static func json(_ slot: BodyTemplate.Slot) -> JSONValue {
        [
            "path": .array(slot.path.map(JSONValue.string)), "value": .string(slot.value.description),
            "template": json(slot.value), "is_json": .bool(slot.isJSON),
        ]
    }

    static func json(_ location: SourceLocation) -> JSONValue {
        ["file": .string(location.file), "line": .int(location.line), "column": .int(location.column)]
    }

    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        [
            "file": .string(diagnostic.file), "line": diagnostic.mark.map { .int($0.line) } ?? .null,
            "column": diagnostic.mark.map { .int($0.column) } ?? .null,
            "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
        ]
    }

    static func json(_ upload: Upload) -> JSONValue {
        let destination: JSONValue =
            switch upload.destination {
            case .pendingUpload(let name, let version):
                ["type": "pending_upload", "code_name": .string(name), "version": .string(version)]
            case .datastore(let name):
                ["type": "datastore", "datastore": .string(name)]
            }
        return [
            "destination": destination,
            "source": [
                "written": .string(upload.source.written), "absolute": .string(upload.source.absolute),
                "display": .string(upload.source.display),
            ],
            "prefix": .string(upload.prefix), "hash": .string(upload.hash),
            "file_count": .int(upload.files.count), "total_bytes": .int(Int(upload.totalBytes)),
            "files": .array(
                upload.files.map { file in
                    [
                        "path": .string(file.path), "relative_path": .string(file.relativePath),
                        "blob_path": .string(file.blobPath), "size": .int(Int(file.size)),
                    ]
                }),
            "location": json(upload.location),
        ]
    }

    static func json(_ read: RemoteRead) -> JSONValue {
        [
            "datastore": read.datastore.map(JSONValue.string) ?? .null, "url": .string(read.url.description),
            "url_template": json(read.url), "supplies": json(read.supplies), "location": json(read.location),
        ]
    }

    // MARK: Reading

    static func placeholder(_ value: JSONValue, field: String) throws(PlanError) -> Placeholder {
        let reader = try reader(value, field)
        let type = try string(reader, "type")
        switch type {
        case "code_version_id": return .codeVersionID(contentHash: try string(reader, "content_hash"))
        case "pending_upload_container":
            return .pendingUploadContainer(
                codeName: try string(reader, "code_name"), version: try string(reader, "version"))
        case "datastore_container": return .datastoreContainer(try string(reader, "datastore"))
        case "latest_version":
            guard let kind = AssetKind(rawValue: try string(reader, "kind")) else {
                throw .invalidSavedPlan("unknown asset kind", field: reader.field("kind"))
            }
            return .latestVersion(kind: kind, name: try string(reader, "name"))
        case "workspace_location": return .workspaceLocation
        case "mltable_paths": return .mltablePaths(uri: try string(reader, "uri"))
        default: throw .invalidSavedPlan("unknown placeholder type '\(type)'", field: reader.field("type"))
        }
    }

    static func template(_ value: JSONValue, field: String) throws(PlanError) -> TemplateString {
        guard case .array(let elements) = value else { throw .invalidSavedPlan("expected an array", field: field) }
        var segments: [TemplateString.Segment] = []
        for (index, element) in elements.enumerated() {
            let reader = try reader(element, "\(field)[\(index)]")
            if let text = try optionalString(reader, "text") {
                segments.append(.text(text))
            } else if let placeholder = reader.raw("placeholder") {
                segments.append(.placeholder(try self.placeholder(placeholder, field: reader.field("placeholder"))))
            } else {
                throw .invalidSavedPlan("expected `text` or `placeholder`", field: reader.path)
            }
        }
        return TemplateString(segments)
    }

    static func slot(_ value: JSONValue, field: String) throws(PlanError) -> BodyTemplate.Slot {
        let reader = try reader(value, field)
        let path = try strings(reader, "path")
        guard let template = reader.raw("template") else { throw missing(reader, "template") }
        return BodyTemplate.Slot(
            path: path, value: try self.template(template, field: reader.field("template")),
            isJSON: try bool(reader, "is_json"))
    }

    static func location(_ value: JSONValue, field: String) throws(PlanError) -> SourceLocation {
        let reader = try reader(value, field)
        return SourceLocation(
            file: try string(reader, "file"), line: try int(reader, "line"), column: try int(reader, "column"))
    }

    static func diagnostic(_ value: JSONValue, field: String) throws(PlanError) -> Diagnostic {
        let reader = try reader(value, field)
        guard let severity = Diagnostic.Severity(rawValue: try string(reader, "severity")) else {
            throw .invalidSavedPlan("expected `error` or `warning`", field: reader.field("severity"))
        }
        let line = try optionalInt(reader, "line")
        let column = try optionalInt(reader, "column")
        return Diagnostic(
            severity: severity, message: try string(reader, "message"), file: try string(reader, "file"),
            mark: line.map { Mark(line: $0, column: column ?? 1) })
    }

    static func upload(_ value: JSONValue, field: String) throws(PlanError) -> Upload {
        let reader = try reader(value, field)
        guard let destinationJSON = reader.raw("destination") else { throw missing(reader, "destination") }
        let destinationReader = try self.reader(destinationJSON, reader.field("destination"))
        let destination: Upload.Destination
        switch try string(destinationReader, "type") {
        case "pending_upload":
            destination = .pendingUpload(
                codeName: try string(destinationReader, "code_name"), version: try string(destinationReader, "version"))
        case "datastore":
            destination = .datastore(try string(destinationReader, "datastore"))
        default:
            throw .invalidSavedPlan("expected `pending_upload` or `datastore`", field: destinationReader.field("type"))
        }
        guard let sourceJSON = reader.raw("source") else { throw missing(reader, "source") }
        let sourceReader = try self.reader(sourceJSON, reader.field("source"))
        let source = LocalPath(
            written: try string(sourceReader, "written"), absolute: try string(sourceReader, "absolute"),
            display: try string(sourceReader, "display"))
        var files: [Upload.File] = []
        for (index, element) in try array(reader, "files").enumerated() {
            let file = try self.reader(element, reader.field("files") + "[\(index)]")
            files.append(
                Upload.File(
                    path: try string(file, "path"), relativePath: try string(file, "relative_path"),
                    blobPath: try string(file, "blob_path"), size: Int64(try int(file, "size"))))
        }
        guard let location = reader.raw("location") else { throw missing(reader, "location") }
        return Upload(
            destination: destination, source: source, prefix: try string(reader, "prefix"), files: files,
            hash: try string(reader, "hash"), location: try self.location(location, field: reader.field("location")))
    }

    static func remoteRead(_ value: JSONValue, field: String) throws(PlanError) -> RemoteRead {
        let reader = try reader(value, field)
        guard let url = reader.raw("url_template") else { throw missing(reader, "url_template") }
        guard let supplies = reader.raw("supplies") else { throw missing(reader, "supplies") }
        guard let location = reader.raw("location") else { throw missing(reader, "location") }
        return RemoteRead(
            datastore: try optionalString(reader, "datastore"),
            url: try template(url, field: reader.field("url_template")),
            supplies: try placeholder(supplies, field: reader.field("supplies")),
            location: try self.location(location, field: reader.field("location")))
    }

    // MARK: Readers

    static func reader(_ value: JSONValue, _ field: String) throws(PlanError) -> WireReader {
        do {
            return try WireReader(value, path: field)
        } catch {
            throw .invalidSavedPlan(error.message, field: field.isEmpty ? "plan" : field)
        }
    }

    static func missing(_ reader: WireReader, _ key: String) -> PlanError {
        .invalidSavedPlan("required field is missing", field: reader.field(key))
    }

    static func converted(_ error: AzureMLError) -> PlanError {
        .invalidSavedPlan(error.message, field: error.location ?? "plan")
    }

    static func string(_ reader: WireReader, _ key: String) throws(PlanError) -> String {
        guard let value = try optionalString(reader, key) else { throw missing(reader, key) }
        return value
    }

    static func optionalString(_ reader: WireReader, _ key: String) throws(PlanError) -> String? {
        do { return try reader.string(key) } catch { throw converted(error) }
    }

    static func int(_ reader: WireReader, _ key: String) throws(PlanError) -> Int {
        guard let value = try optionalInt(reader, key) else { throw missing(reader, key) }
        return value
    }

    static func optionalInt(_ reader: WireReader, _ key: String) throws(PlanError) -> Int? {
        do { return try reader.int(key) } catch { throw converted(error) }
    }

    static func bool(_ reader: WireReader, _ key: String) throws(PlanError) -> Bool {
        let value: Bool?
        do { value = try reader.bool(key) } catch { throw converted(error) }
        guard let value else { throw missing(reader, key) }
        return value
    }

    static func array(_ reader: WireReader, _ key: String) throws(PlanError) -> [JSONValue] {
        do {
            return try reader.array(key) ?? []
        } catch {
            throw converted(error)
        }
    }

    static func strings(_ reader: WireReader, _ key: String) throws(PlanError) -> [String] {
        do {
            return try reader.stringArray(key) ?? []
        } catch {
            throw converted(error)
        }
    }
}
