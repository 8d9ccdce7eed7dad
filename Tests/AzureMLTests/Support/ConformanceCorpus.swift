import AzureML
import Foundation

/// What the conformance records say about local paths: for each manifest, the code folder it names and the local
/// paths of its inputs, data and build context (read from the manifest's `code:` and `path:` lines, which is enough
/// for this corpus), and the hashes the SDK sent for them.
enum ConformanceCorpus {
    /// A hash the SDK sent and the local path it was computed over.
    struct Observation: Sendable, CustomStringConvertible {
        var record: String
        var path: String
        var hash: String
        var description: String { "\(record): \(path) → \(hash)" }
    }

    /// The folder of the manifest a record was made from, and the text of that manifest.
    static func manifest(of record: String) throws -> (folder: URL, text: String) {
        let relative = record.split(separator: "/", maxSplits: 1).last.map(String.init) ?? record
        let url = Fixture.conformance.appendingPathComponent("corpus")
            .appendingPathComponent(String(relative.dropLast(".json".count)))
        return (url.deletingLastPathComponent(), try String(contentsOf: url, encoding: .utf8))
    }

    /// The values of `key:` lines of a manifest that are local paths.
    static func localValues(of key: String, in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(key + ":") else { return nil }
            let value = trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value.hasPrefix("azureml:") || value.contains("://") { return nil }
            return value
        }
    }

    /// Every code snapshot hash in the records: the `hash` query of the code lookup and the `hash_sha256` of the
    /// code PUT, each with the manifest's code folder.
    static func contentHashes() throws -> [Observation] {
        var observations: [Observation] = []
        for (name, record) in try Fixture.conformanceRecords() {
            let (folder, text) = try manifest(of: name)
            let code = localValues(of: "code", in: text)
            for request in record["requests"]?.arrayValue ?? [] {
                var hashes: [String] = []
                for pair in request["query"]?.arrayValue ?? [] where pair.arrayValue?.first?.stringValue == "hash" {
                    hashes += pair.arrayValue?.last?.stringValue.map { [$0] } ?? []
                }
                let path = request["path"]?.stringValue ?? ""
                if request["method"]?.stringValue == "PUT", path.contains("/codes/"),
                    let hash = request["body"]?["json"]?["properties"]?["properties"]?["hash_sha256"]?.stringValue
                {
                    hashes.append(hash)
                }
                for hash in hashes {
                    let local = code.first.map { folder.appendingPathComponent($0).standardized.path } ?? "?"
                    observations.append(Observation(record: name, path: local, hash: hash))
                }
            }
        }
        return observations
    }

    /// Every `LocalUpload/<hash>/<name>` in the records, with the manifest's local path whose last component is
    /// `<name>`.
    static func objectHashes() throws -> [Observation] {
        let pattern = try Regex(#"LocalUpload/([0-9a-f]{64})/([^/?]+)"#)
        var observations: [Observation] = []
        for (name, record) in try Fixture.conformanceRecords() {
            let (folder, text) = try manifest(of: name)
            let locals = localValues(of: "path", in: text).map { folder.appendingPathComponent($0).standardized }
            for request in record["requests"]?.arrayValue ?? [] {
                let path = request["path"]?.stringValue ?? ""
                for match in path.matches(of: pattern) {
                    let hash = String(path[match.output[1].range!])
                    let base = String(path[match.output[2].range!])
                    let local = locals.first { $0.lastPathComponent == base }?.path ?? "? \(base)"
                    observations.append(Observation(record: name, path: local, hash: hash))
                }
            }
        }
        return observations
    }
}
