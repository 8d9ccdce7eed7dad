/// The ignore file of a code folder, data folder or build context, read as azure-ai-ml 1.35.2 reads it
/// (`_utils/_asset_utils.py`, `IgnoreFile`): only the folder's own `.amlignore`, else its own `.gitignore`, never
/// both and never one from a parent or a subfolder; each line a pattern; the last pattern that matches a path decides.
public struct IgnoreFile: Sendable, Hashable {
    /// The name looked for first.
    public static let amlignoreName = ".amlignore"
    /// The name looked for when there is no `.amlignore`.
    public static let gitignoreName = ".gitignore"

    /// Where the file was read from.
    public let path: String
    /// The folder paths are matched relative to: the folder of the ignore file with symbolic links resolved.
    public let base: String
    /// One pattern per line, comments and blank lines included (they have no effect).
    public let patterns: [IgnorePattern]

    /// Parses ignore-file text as the SDK does: a leading byte order mark is dropped, `\n`, `\r\n` and `\r` end
    /// lines, and each line is stripped of whitespace. `path` names the file in errors; `base` is the folder matched
    /// paths are relative to (the file's folder when `nil`).
    public init(text: String, path: String, base: String? = nil) throws(AzureMLError) {
        self.path = path
        self.base = base ?? Self.parentFolder(of: path)
        var patterns: [IgnorePattern] = []
        for (number, line) in Self.lines(of: text).enumerated() {
            do {
                patterns.append(try IgnorePattern(line))
            } catch {
                throw .invalidIgnorePattern(error.message, location: "\(path):\(number + 1)")
            }
        }
        self.patterns = patterns
    }

    /// The ignore file that applies to `folder`: its `.amlignore` if it exists, otherwise its `.gitignore`, otherwise
    /// `nil`. Throws when the file exists but cannot be read, is not UTF-8, or has an invalid pattern.
    public static func find(in folder: String) throws(AzureMLError) -> IgnoreFile? {
        for name in [amlignoreName, gitignoreName] {
            let candidate = FileSystem.join(folder, name)
            guard FileSystem.status(candidate, followingLinks: true) != nil else { continue }
            let text = try read(candidate)
            // The SDK resolves the ignore file's path, so a linked ignore file matches relative to its target.
            let base = parentFolder(of: try FileSystem.realPath(candidate))
            return try IgnoreFile(text: text, path: candidate, base: base)
        }
        return nil
    }

    /// Whether a path relative to `base` (POSIX separators) is excluded: the effect of the last pattern that
    /// matches it, and `false` when none does.
    public func isExcluded(_ relativePath: String) -> Bool {
        var scalars = relativePath.unicodeScalars.map(\.value)
        // pathspec's `normalize_file` drops one leading `/` or `./`.
        if scalars.first == 0x2F {
            scalars.removeFirst()
        } else if scalars.starts(with: [0x2E, 0x2F]) {
            scalars.removeFirst(2)
        }
        var excluded = false
        for pattern in patterns {
            guard let effect = pattern.effect, pattern.matches(scalars: scalars) else { continue }
            excluded = effect == .exclude
        }
        return excluded
    }

    /// Whether an absolute path is excluded, matched by its path relative to `base` (which starts with `../` when
    /// the path lies outside it, as the SDK computes it for targets of symbolic links).
    public func isExcluded(absolutePath: String) -> Bool {
        isExcluded(FileSystem.relativePath(absolutePath, from: base))
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Python's universal newlines: `\r\n`, `\r` and `\n` each end a line; no empty line after a final newline.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasReturn = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        for scalar in scalars {
            if scalar == "\n" && previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    private static func read(_ path: String) throws(AzureMLError) -> String {
        let bytes = try FileSystem.contents(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .io("the ignore file is not valid UTF-8", path: path)
        }
        return text
    }
}
