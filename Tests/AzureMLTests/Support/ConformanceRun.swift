import AzureML
import DeployManifest
import DeployYAML
import Foundation

/// Runs one conformance manifest through `deploy`'s translation and dry run against the oracle's fake workspace,
/// normalizes both sides as the corpus README says, and compares the request sequences and bodies.
struct ConformanceRun {
    /// The fake workspace of the records (`SUB`/`RG`/`WS` after normalization).
    static let workspace = WorkspaceID(subscription: "SUB", resourceGroup: "RG", workspace: "WS")
    /// The storage account of the fake workspace.
    static let account = "https://oraclestorage.blob.core.windows.net"
    /// What the fake workspace answers for `latestVersion`.
    static let latestVersion = "42"

    /// The outcome for one manifest in one scenario.
    struct Result {
        var manifest: String
        var group: String
        var scenario: String
        /// `(method, templated path)` of our requests and of the SDK's, uploads collapsed.
        var ours: [String]
        var theirs: [String]
        /// The first difference in the sequence, or `nil`.
        var sequenceDifference: String?
        /// The first difference between the bodies of PUT and POST requests, or `nil`.
        var bodyDifference: String?
        /// How many request bodies were compared and how many matched.
        var bodiesCompared: Int
        var bodiesIdentical: Int

        var identical: Bool { sequenceDifference == nil && bodyDifference == nil }

        /// The first difference: of the bodies both sides send, else of the sequence.
        var firstDifference: String? { bodyDifference ?? sequenceDifference }
    }

    let manifest: String
    let group: String
    let record: JSONValue
    let scenario: String

    /// Translates the manifest and compares.
    func run() throws -> Result {
        let path = Fixture.conformance.appendingPathComponent("corpus/" + manifest).path
        let loaded = ManifestLoader().load(file: path)
        var result = Result(
            manifest: manifest, group: group, scenario: scenario, ours: [], theirs: Self.signatures(of: record),
            bodiesCompared: 0, bodiesIdentical: 0)
        guard let desired = translator.translate(loaded), !desired.hasErrors else {
            let problems = (loaded.diagnostics + (translator.translate(loaded)?.diagnostics ?? []))
                .filter { $0.severity == .error }.map(\.message)
            result.bodyDifference = "not translated: " + problems.joined(separator: "; ")
            return result
        }
        let requests = dryRun(for: desired).requests(for: [desired])
        let replacements = Self.replacements(requests: requests, desired: desired)
        result.ours = requests.map { Self.signature(of: $0, replacements: replacements) }
        result.sequenceDifference = Self.firstDifference(result.ours, result.theirs)
        let ourBodies = requests.compactMap { request -> (String, JSONValue)? in
            guard case .arm(let arm) = request.content, let body = arm.body else { return nil }
            return (Self.signature(of: request, replacements: replacements), Self.replacing(body, replacements))
        }
        let theirBodies = (record["requests"]?.arrayValue ?? []).compactMap { request -> (String, JSONValue)? in
            guard request["host"]?.stringValue == "management.azure.com",
                let body = request["body"]?["json"]
            else { return nil }
            return (Self.signature(ofRecorded: request), body)
        }
        // Bodies are paired by request signature, in order, so a request only one side sends does not shift the rest.
        var unmatched = ourBodies
        for theirs in theirBodies {
            guard let index = unmatched.firstIndex(where: { $0.0 == theirs.0 }) else {
                // A request only the SDK sends shows as a sequence difference.
                continue
            }
            let ours = unmatched.remove(at: index)
            result.bodiesCompared += 1
            if let difference = JSONDifference.first(ours.1, theirs.1) {
                result.bodyDifference = result.bodyDifference ?? "\(theirs.0): \(difference)"
            } else {
                result.bodiesIdentical += 1
            }
        }
        return result
    }

    var translator: ManifestTranslator {
        ManifestTranslator(options: TranslationOptions(workspace: Self.workspace, workingDirectoryName: "oracle-cwd"))
    }

    /// A dry run against the fake workspace: its container URLs and `latestVersion`, and in the `code-exists`
    /// scenario the registered code version every hash lookup finds.
    func dryRun(for desired: DesiredManifest) -> DryRun {
        var values: [Placeholder: String] = [:]
        var pendingUploads = 0
        var existing: [String: ResourceID] = [:]
        for resource in desired.resources {
            var placeholders = resource.body.placeholders + resource.uploads.flatMap(\.containerURL.placeholders)
            for case .read(let read) in resource.preparations { placeholders += read.url.placeholders }
            for placeholder in placeholders {
                switch placeholder {
                case .pendingUploadContainer:
                    guard values[placeholder] == nil else { continue }
                    pendingUploads += 1
                    values[placeholder] = Self.account + "/oracle-pending-upload-" + Self.counter(pendingUploads)
                case .datastoreContainer:
                    values[placeholder] = Self.account + "/azureml-blobstore-<WS_GUID>"
                case .latestVersion:
                    values[placeholder] = Self.latestVersion
                case .workspaceLocation:
                    values[placeholder] = "eastus"
                case .mltablePaths:
                    // The fake datastore holds no MLTable file, so the SDK read nothing and sent no paths.
                    values[placeholder] = "null"
                case .codeVersionID(let hash):
                    if scenario == "code-exists" {
                        existing[hash] = ResourceID(kind: .code, name: "existing-code-asset", version: "1")
                    }
                }
            }
        }
        return DryRun(workspace: Self.workspace, knownValues: values, existingCode: existing)
    }

    static func counter(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Our anonymous code names become `<UUID-n>` in order of first appearance, and a generated job name
    /// `<JOB_NAME>`, as the README normalizes the SDK's random names.
    static func replacements(requests: [RenderedRequest], desired: DesiredManifest) -> [(String, String)] {
        var result: [(String, String)] = []
        let anonymousNames = desired.resources.compactMap { resource -> String? in
            guard case .localCode = resource.origin, case .fixed(let name) = resource.name else {
                if case .codeURL = resource.origin, case .fixed(let name) = resource.name { return name }
                return nil
            }
            return name
        }
        for request in requests {
            guard case .arm(let arm) = request.content else { continue }
            for name in anonymousNames
            where arm.path.contains("/codes/\(name)/")
                && !result.contains(where: { $0.0 == name })
            {
                result.append((name, "<UUID-\(result.count + 1)>"))
            }
        }
        if case .generated? = desired.primary?.name,
            let put = requests.last(where: { $0.method == "PUT" }), case .arm(let arm) = put.content,
            let name = arm.path.split(separator: "/").last
        {
            result.append((String(name), "<JOB_NAME>"))
        }
        return result
    }

    /// `METHOD {WS}/path?query-names`, or `UPLOAD` or `DOWNLOAD` for blob transfers.
    static func signature(of request: RenderedRequest, replacements: [(String, String)]) -> String {
        guard case .arm(let arm) = request.content else { return request.method }
        var path = arm.path.replacingOccurrences(of: workspace.armID, with: "{WS}")
        for (from, to) in replacements { path = path.replacingOccurrences(of: from, with: to) }
        let query = arm.query.map(\.name).joined(separator: "&")
        return "\(arm.method) \(path)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The same for a recorded ARM request.
    static func signature(ofRecorded request: JSONValue) -> String {
        let method = request["method"]?.stringValue ?? "?"
        let path = (request["path"]?.stringValue ?? "").replacingOccurrences(of: workspace.armID, with: "{WS}")
        let query = (request["query"]?.arrayValue ?? []).compactMap { $0.arrayValue?.first?.stringValue }
        return "\(method) \(path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// The recorded sequence: ARM requests as signatures, each run of blob requests as one `UPLOAD` (when it has a
    /// HEAD or PUT) or `DOWNLOAD` (reads only), other hosts as `METHOD //host/path`.
    static func signatures(of record: JSONValue) -> [String] {
        var result: [String] = []
        var blobRun: [String] = []
        func closeRun() {
            guard !blobRun.isEmpty else { return }
            result.append(blobRun.contains { $0 == "HEAD" || $0 == "PUT" } ? "UPLOAD" : "DOWNLOAD")
            blobRun = []
        }
        for request in record["requests"]?.arrayValue ?? [] {
            let host = request["host"]?.stringValue ?? ""
            if host.hasSuffix(".blob.core.windows.net") {
                blobRun.append(request["method"]?.stringValue ?? "")
                continue
            }
            closeRun()
            if host == "management.azure.com" {
                result.append(signature(ofRecorded: request))
            } else {
                result.append("\(request["method"]?.stringValue ?? "?") //\(host)\(request["path"]?.stringValue ?? "")")
            }
        }
        closeRun()
        return result
    }

    static func firstDifference(_ ours: [String], _ theirs: [String]) -> String? {
        for index in 0..<max(ours.count, theirs.count) {
            let left = index < ours.count ? ours[index] : "nothing"
            let right = index < theirs.count ? theirs[index] : "nothing"
            if left != right { return "request \(index + 1): ours \(left), SDK \(right)" }
        }
        return nil
    }

    static func replacing(_ value: JSONValue, _ replacements: [(String, String)]) -> JSONValue {
        switch value {
        case .string(var text):
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            return .string(text)
        case .array(let items): return .array(items.map { replacing($0, replacements) })
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, replacing($0.value, replacements)) }))
        default: return value
        }
    }
}

/// The first place two JSON values differ, for reports: `properties.inputs.lr.value: ours "1", SDK "1.0"`. Numbers
/// must have the same value and the same spelling (`0` and `0.0` differ, as Python's `json` writes them apart).
enum JSONDifference {
    static func first(_ ours: JSONValue, _ theirs: JSONValue, path: String = "") -> String? {
        switch (ours, theirs) {
        case (.object(let left), .object(let right)):
            for key in (left.keys + right.keys.filter { !left.keys.contains($0) }) {
                let child = path.isEmpty ? key : path + "." + key
                guard let leftValue = left[key] else { return "\(child): missing in ours" }
                guard let rightValue = right[key] else { return "\(child): not sent by the SDK" }
                if let difference = first(leftValue, rightValue, path: child) { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else {
                return "\(path): \(left.count) elements in ours, \(right.count) in the SDK's"
            }
            for (index, pair) in zip(left, right).enumerated() {
                if let difference = first(pair.0, pair.1, path: "\(path)[\(index)]") { return difference }
            }
            return nil
        default:
            let (left, right) = (ours.serialized(.canonical), theirs.serialized(.canonical))
            return left == right ? nil : "\(path): ours \(left), SDK \(right)"
        }
    }
}
