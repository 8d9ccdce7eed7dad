import AzureML
import DeployManifest
import Foundation
import Testing

/// The translation and dry run against the SDK's recorded requests for every manifest of `../shared/conformance`
/// (skipped when it is absent). Known, justified differences are listed here, so a regression or a fix fails.
@Suite(.enabled(if: Fixture.conformanceAvailable, "../shared/conformance is absent"))
struct ConformanceTests {
    /// Differences we keep on purpose: manifest (and scenario) → the first difference the comparison reports.
    static let knownDifferences: [String: String] = [
        // The SDK validates a local MLTable file against a JSON schema it downloads first; deploy does not.
        "assets/data/local-mltable.yml": "request 1: ours GET {WS}/datastores/workspaceblobstore, SDK GET "
            + "//azuremlschemasprod.azureedge.net/latest/MLTable.schema.json"
            // (Every body both sides send is identical here; only the sequence differs.)
    ]

    static func records(_ mode: String) throws -> [(manifest: String, group: String, record: JSONValue)] {
        let index = try JSONValue(
            parsing: Array(try Data(contentsOf: Fixture.conformance.appendingPathComponent("index.json"))))
        return try (index["manifests"]?.arrayValue ?? []).compactMap { entry in
            guard let manifest = entry["path"]?.stringValue else { return nil }
            let url = Fixture.conformance.appendingPathComponent("\(mode)/\(manifest).json")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            let record = try JSONValue(parsing: Array(try Data(contentsOf: url)))
            return (manifest, entry["group"]?.stringValue ?? "", record)
        }
    }

    @Test func requestsMatchTheSDK() throws {
        var results: [ConformanceRun.Result] = []
        for (mode, scenario) in [("requests", "empty"), ("requests-code-exists", "code-exists")] {
            for (manifest, group, record) in try Self.records(mode) {
                results.append(
                    try ConformanceRun(manifest: manifest, group: group, record: record, scenario: scenario).run())
            }
        }
        print(Self.table(results))
        for result in results {
            let key = result.scenario == "empty" ? result.manifest : "\(result.manifest) (\(result.scenario))"
            if let known = Self.knownDifferences[key] ?? Self.knownDifferences[result.manifest] {
                #expect(result.firstDifference == known, "\(key)")
            } else {
                #expect(result.firstDifference == nil, "\(key)")
            }
        }
        let empty = results.filter { $0.scenario == "empty" }
        #expect(empty.count == 44)
        #expect(results.count == 70)
    }

    /// `expected/` holds the SDK's bodies before references are resolved: every field that needs no workspace must
    /// already be ours, and inline environments must get the SDK's anonymous version and body.
    @Test func unresolvedBodiesMatchTheSDK() throws {
        var compared = 0
        for (manifest, _, record) in try Self.records("expected") {
            let run = ConformanceRun(manifest: manifest, group: "", record: record, scenario: "empty")
            let path = Fixture.conformance.appendingPathComponent("corpus/" + manifest).path
            let desired = try #require(run.translator.translate(ManifestLoader().load(file: path)))
            let primary = try #require(desired.primary)
            let ours = primary.resolved(run.dryRun(for: desired).knownValues).body
            let theirs = try #require(record["body"])
            let difference = JSONDifference.first(Self.withoutResolved(ours), Self.withoutResolved(theirs))
            #expect(difference == nil, "\(manifest)")
            let properties = theirs["properties"]
            if let entity = properties?["environmentId"] ?? properties?["trial"]?["environmentId"],
                entity["__unresolved_entity__"] != nil
            {
                let environment = try #require(desired.resources.first { $0.origin == .inlineEnvironment })
                #expect(environment.version == entity["version"]?.stringValue, "\(manifest)")
                #expect(environment.body.json == entity["rest"], "\(manifest)")
            }
            compared += 1
        }
        #expect(compared == 44)
    }

    /// A body without the members that hold resolved references or submit-time defaults.
    static func withoutResolved(_ body: JSONValue) -> JSONValue {
        guard case .object(var root) = body, case .object(var properties)? = root["properties"] else { return body }
        // `referencedUris` is read from the MLTable file at submit time.
        for key in [
            "codeId", "computeId", "environmentId", "experimentName", "displayName", "dataUri", "referencedUris",
        ] {
            properties[key] = nil
        }
        if case .object(var trial)? = properties["trial"] {
            trial["codeId"] = nil
            trial["environmentId"] = nil
            properties["trial"] = .object(trial)
        }
        if case .object(var build)? = properties["build"] {
            build["contextUri"] = nil
            properties["build"] = .object(build)
        }
        if case .object(var inputs)? = properties["inputs"] {
            for (name, input) in inputs {
                guard case .object(var members) = input else { continue }
                members["uri"] = nil
                inputs[name] = .object(members)
            }
            properties["inputs"] = .object(inputs)
        }
        root["properties"] = .object(properties)
        return .object(root)
    }

    /// The summary table: one line per manifest and scenario, then the figures.
    static func table(_ results: [ConformanceRun.Result]) -> String {
        var lines = ["| manifest | scenario | bodies | sequence | first difference |", "|---|---|---|---|---|"]
        for result in results {
            let bodies = "\(result.bodiesIdentical)/\(result.bodiesCompared)"
            let sequence = result.sequenceDifference == nil ? "identical" : "different"
            lines.append(
                "| \(result.manifest) | \(result.scenario) | \(bodies) | \(sequence) | "
                    + "\(result.firstDifference ?? "—") |")
        }
        let identical = results.filter(\.identical).count
        let bodyIdentical = results.filter { $0.bodyDifference == nil }.count
        let bodies = results.reduce(0) { $0 + $1.bodiesCompared }
        let matching = results.reduce(0) { $0 + $1.bodiesIdentical }
        lines.append(
            "\(identical) of \(results.count) identical (bodies and sequence); bodies identical in \(bodyIdentical) "
                + "of \(results.count) runs, \(matching) of \(bodies) request bodies")
        return lines.joined(separator: "\n")
    }
}
