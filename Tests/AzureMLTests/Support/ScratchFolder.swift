import AzureML
import Foundation

/// A temporary folder that builds file trees from the JSON specs of `Fixtures/Hashing/trees.json` and similar ones
/// written in tests, and removes itself.
final class ScratchFolder {
    /// The folder's path, symbolic links resolved (the tests compare real paths).
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("azureml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.resolvingSymlinksInPath().path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path/relative`.
    func path(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// Writes a file, creating its folders.
    func write(_ relative: String, _ content: String) throws {
        try write(relative, Data(content.utf8))
    }

    /// Writes a file of bytes, creating its folders.
    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Creates a folder and its parents.
    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relative` pointing to `target` as written (relative targets stay relative).
    func link(_ relative: String, to target: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Builds the `entries` of a tree spec: `{"path", "content"}`, `{"path", "repeat", "size"}`, `{"path", "dir"}`
    /// or `{"path", "symlink"}`.
    func build(_ tree: JSONValue) throws {
        for entry in tree["entries"]?.arrayValue ?? [] {
            let relative = entry["path"]?.stringValue ?? ""
            if entry["dir"]?.boolValue == true {
                try folder(relative)
            } else if let target = entry["symlink"]?.stringValue {
                try link(relative, to: target)
            } else if let unit = entry["repeat"]?.stringValue, let size = entry["size"]?.intValue {
                let bytes = Array(unit.utf8)
                try write(relative, Data((0..<size).map { bytes[$0 % bytes.count] }))
            } else {
                try write(relative, entry["content"]?.stringValue ?? "")
            }
        }
    }
}
