import AzureML
import Foundation

/// Where the test fixtures and the shared conformance data are, and how to read them.
enum Fixture {
    /// `Tests/AzureMLTests/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The package root.
    static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/conformance` next to the package; absent on a clean clone, where its tests are skipped.
    static let conformance = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")

    /// Whether the conformance records are there.
    static let conformanceAvailable = FileManager.default.fileExists(
        atPath: conformance.appendingPathComponent("corpus").path
    )

    /// The path of a fixture file or folder.
    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    /// A JSON fixture, parsed.
    static func json(_ relative: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Data(contentsOf: folder.appendingPathComponent(relative))))
    }

    /// Every conformance record under the given folders (`requests`, `requests-code-exists`, `expected`), with its
    /// path relative to the conformance folder.
    static func conformanceRecords(
        in modes: [String] = ["requests", "requests-code-exists"]
    ) throws -> [(name: String, record: JSONValue)] {
        var records: [(String, JSONValue)] = []
        for mode in modes {
            let base = conformance.appendingPathComponent(mode)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".json") {
                let data = try Data(contentsOf: base.appendingPathComponent(relative))
                records.append(("\(mode)/\(relative)", try JSONValue(parsing: Array(data))))
            }
        }
        return records.sorted { $0.0 < $1.0 }
    }
}
