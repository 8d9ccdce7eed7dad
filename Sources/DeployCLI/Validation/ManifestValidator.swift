public import DeployYAML
import Foundation

/// Checks manifest files for problems: today YAML syntax, duplicate keys and alias abuse.
public struct ManifestValidator: Sendable {
    /// The YAML parser and its limits.
    public var parser: YAMLParser

    /// A validator with the default parser limits.
    public init(parser: YAMLParser = YAMLParser()) {
        self.parser = parser
    }

    /// Validates the files named and every `*.yml`/`*.yaml` file under the directories named.
    public func validate(paths: [String]) -> ValidationReport {
        var report = ValidationReport()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                report.diagnostics.append(
                    Diagnostic(severity: .error, message: "no such file or directory", file: path, mark: nil))
                continue
            }
            let files = isDirectory.boolValue ? ManifestValidator.manifests(under: path) : [path]
            if files.isEmpty {
                report.diagnostics.append(
                    Diagnostic(
                        severity: .error, message: "no *.yml or *.yaml files in this directory", file: path, mark: nil))
            }
            for file in files {
                report.files.append(file)
                report.diagnostics += validate(file: file)
            }
        }
        return report
    }

    /// The diagnostics of one file, sorted by position.
    public func validate(file path: String) -> [Diagnostic] {
        do {
            let source = try YAMLParser.readFile(atPath: path)
            return parser.check(source).errors.map(\.diagnostic)
        } catch {
            return [error.diagnostic]
        }
    }

    /// The `*.yml` and `*.yaml` files under `directory`, recursively, sorted, hidden directories skipped.
    static func manifests(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
