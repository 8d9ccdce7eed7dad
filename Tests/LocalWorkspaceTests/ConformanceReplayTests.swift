import AzureML
import Foundation
import LocalWorkspace
import NIOHTTP1
import Testing

/// Replays every HTTP sequence the official SDK sent for the conformance manifests
/// (`../shared/conformance/requests/`) against a fresh local workspace and expects the status the SDK got from
/// the recording's fake workspace: the server accepts every body the SDK sends, and answers the lookups, uploads
/// and PUTs the same way. Placeholders (`SUB`, `RG`, `WS`, `<UUID-n>`, `<JOB_NAME>`) become this server's ids,
/// the recording's storage account becomes this server's blob service with its own SAS tokens, and the assets the
/// recording pretended to hold (`seeded_assets`, referenced computes, the code version a hash lookup found) are
/// created first; a hash lookup must find the same versions the recording's did. Skipped without `../shared`.
@Suite struct ConformanceReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance").path

    /// The sequences against an empty workspace (`requests/`) and against one whose code lookup finds an
    /// existing version (`requests-code-exists/`).
    static var files: [String] {
        ["requests", "requests-code-exists"].flatMap { folder in
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            return (enumerator?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".json") }.sorted()
                .map { folder + "/" + $0 }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root)), arguments: files)
    func replay(_ file: String) async throws {
        let original = try String(contentsOfFile: Self.root + "/" + file, encoding: .utf8)
        let recordedRequests = try JSONValue(parsing: original)["requests"]?.arrayValue ?? []
        var text = original
        let local = LocalWorkspaceServer.workspace
        text = text.replacingOccurrences(of: "/subscriptions/SUB", with: "/subscriptions/" + local.subscription)
            .replacingOccurrences(of: "/resourceGroups/RG", with: "/resourceGroups/" + local.resourceGroup)
            .replacingOccurrences(of: "/resourcegroups/RG", with: "/resourcegroups/" + local.resourceGroup)
            .replacingOccurrences(of: "/workspaces/WS", with: "/workspaces/" + local.workspace)
            .replacingOccurrences(of: "<JOB_NAME>", with: "conformance_job_" + UUID().uuidString.prefix(8).lowercased())
            .replacingOccurrences(of: "azureml-blobstore-<WS_GUID>", with: LocalWorkspaceServer.defaultContainer)
        for index in (1...60).reversed() {
            text = text.replacingOccurrences(of: "<UUID-\(index)>", with: UUID().uuidString.lowercased())
        }
        let record = try JSONValue(parsing: text)
        let requests = try #require(record["requests"]?.arrayValue)
        try await TestWorkspace.with { ws in
            try await Self.seed(ws, record: record, text: text)
            var containers: [String: String] = [:]
            var containerSAS: [String: String] = [:]
            for (index, request) in requests.enumerated() {
                let seq = request["seq"]?.intValue ?? -1
                let expected = request["response"]?["status"]?.intValue ?? 0
                let method = HTTPMethod(rawValue: request["method"]?.stringValue ?? "GET")
                let path = request["path"]?.stringValue ?? ""
                let pairs = (request["query"]?.arrayValue ?? []).compactMap { pair -> (String, String)? in
                    guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue,
                        let value = items[1].stringValue
                    else { return nil }
                    return (name, value)
                }
                let response: TestResponse
                switch request["host"]?.stringValue {
                case "management.azure.com":
                    var url = ws.server.url + path + "?api-version=" + (request["api_version"]?.stringValue ?? "")
                    for (name, value) in pairs { url += "&" + Self.encode(name) + "=" + Self.encode(value) }
                    response = try await ws.arm(
                        method, url, apiVersion: nil, body: request["body"]?["json"])
                    if path.hasSuffix("/startPendingUpload"), response.status == 200 {
                        let upload = try PendingUpload(json: response.json)
                        let recorded = try #require(
                            request["response"]?["body"]?["json"]?["blobReferenceForConsumption"]?["blobUri"]?
                                .stringValue)
                        let ours = String(upload.blobUri.split(separator: "/").last!)
                        containers[String(recorded.split(separator: "/").last!)] = ours
                        containerSAS[ours] = String(upload.sasUri.split(separator: "?")[1])
                    }
                    if pairs.contains(where: { $0.0 == "hash" }) {
                        let recorded = request["response"]?["body"]?["json"]?["value"]?.arrayValue ?? []
                        #expect(
                            response.json["value"]?.arrayValue?.map { $0["id"] } == recorded.map { $0["id"] },
                            "\(file) #\(seq): the hash lookup found other versions")
                    }
                    if path.hasSuffix("/listSecrets"), let token = response.json["sasToken"]?.stringValue {
                        containerSAS[LocalWorkspaceServer.defaultContainer] = token
                    }
                case let host? where host.hasSuffix(".blob.core.windows.net"):
                    let parts = path.dropFirst().split(separator: "/", maxSplits: 1)
                    let container = containers[String(parts[0])] ?? String(parts[0])
                    let blob = parts.count > 1 ? "/" + Self.encodePath(String(parts[1])) : ""
                    var query = pairs.filter { !["sv", "sr", "sig", "se", "sp", "st", "spr"].contains($0.0) }
                        .map { Self.encode($0.0) + "=" + Self.encode($0.1) }
                    query.append(containerSAS[container] ?? "")
                    let url = ws.server.url + "/blob/local/" + container + blob + "?" + query.joined(separator: "&")
                    var headers: [(String, String)] = []
                    for (name, value) in request["headers"]?.objectValue ?? [:] {
                        guard let value = value.stringValue, name != "authorization", name != "accept" else { continue }
                        headers.append((name, value))
                    }
                    var body: [UInt8]?
                    if let size = request["body"]?["bytes"]?.intValue {
                        if let text = request["body"]?["text"]?.stringValue {
                            body = Array(text.utf8)
                            // A body whose recorded UUIDs were replaced no longer matches the recorded MD5.
                            if recordedRequests[index]["body"]?["text"]?.stringValue != text {
                                headers.removeAll { $0.0 == "content-md5" }
                            }
                        } else {
                            body = [UInt8](repeating: 0, count: size)
                            headers.removeAll { $0.0 == "content-md5" }
                        }
                    }
                    response = try await TestWorkspace.send(method, url, body: body, headers: headers)
                default:
                    continue
                }
                #expect(
                    response.status == expected,
                    "\(file) #\(seq) \(method) \(path): \(response.status) \(response.text.prefix(400))")
            }
        }
    }

    /// Creates the assets and computes the recording's fake workspace pretended to hold.
    static func seed(_ ws: TestWorkspace, record: JSONValue, text: String) async throws {
        let prefix = ws.workspacePath + "/"
        var seeded = Set<String>()
        for asset in record["fake_workspace"]?["seeded_assets"]?.arrayValue ?? [] {
            guard let name = asset["name"]?.stringValue else { continue }
            for kind in ["data", "environments"] {
                for version in Self.versions(of: "\(prefix)\(kind)/\(name)/versions/", in: text) + ["42"] {
                    let key = "\(kind)/\(name)/\(version)"
                    guard seeded.insert(key).inserted else { continue }
                    let properties: JSONValue =
                        kind == "data"
                        ? [
                            "dataType": "uri_folder",
                            "dataUri": "azureml://datastores/workspaceblobstore/paths/seeded/",
                        ]
                        : ["image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest"]
                    let response = try await ws.arm(
                        .PUT, ws.workspacePath + "/\(kind)/\(name)/versions/\(version)",
                        body: ["properties": properties])
                    #expect(response.status == 201)
                }
            }
        }
        for request in record["requests"]?.arrayValue ?? [] {
            guard (request["query"]?.arrayValue ?? []).contains(where: { $0.arrayValue?.first == "hash" }) else {
                continue
            }
            for found in request["response"]?["body"]?["json"]?["value"]?.arrayValue ?? [] {
                let id = try #require(found["id"]?.stringValue)
                let properties = try #require(found["properties"]?.objectValue)
                var body: JSONObject = [:]
                for key in ["codeUri", "isAnonymous", "properties"] { body[key] = properties[key] }
                let response = try await ws.arm(
                    .PUT, id, apiVersion: APIVersion.codes, body: ["properties": .object(body)])
                #expect(response.status == 201)
            }
        }
        for compute in Set(Self.versions(of: prefix + "computes/", in: text)) where compute != "serverless" {
            try await ws.createCompute(compute)
        }
    }

    /// The path segments that follow `marker` in `text`.
    static func versions(of marker: String, in text: String) -> [String] {
        text.components(separatedBy: marker).dropFirst().compactMap { rest in
            let segment = rest.prefix { $0 != "/" && $0 != "\"" && $0 != "?" && $0 != "\\" }
            return segment.isEmpty ? nil : String(segment)
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
    }

    static func encodePath(_ text: String) -> String {
        text.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }
}
