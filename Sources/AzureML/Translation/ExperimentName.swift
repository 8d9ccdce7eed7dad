/// The `experimentName` the SDK gives a job whose manifest has none: `Path("./").resolve().stem` of the working
/// directory with spaces removed, or `Default` when that is empty (`to_rest_functions.generate_defaults`).
public enum ExperimentName {
    /// The name used when the working directory's name gives nothing (the file system root).
    public static let fallback = "Default"

    /// The default experiment name for a working directory whose last path component is `directoryName`.
    ///
    /// Python's `stem` drops the last suffix (`my.project` → `my`, `.hidden` stays, `a.` stays), then every space is
    /// removed; tabs and other white space stay, as in the SDK.
    public static func defaultName(workingDirectoryName directoryName: String) -> String {
        let stem = pythonStem(directoryName)
        let name = stem.replacingSpaces()
        return name.isEmpty ? fallback : name
    }

    /// The last component of an absolute path (`/` gives the empty string).
    public static func lastComponent(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? ""
    }

    /// `PurePath(name).stem`: the name without its last `.suffix`, unless the only dot is the first or last character.
    static func pythonStem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex
        else { return name }
        return String(name[..<dot])
    }
}

extension String {
    /// The string without ` ` characters (Python's `replace(" ", "")`).
    fileprivate func replacingSpaces() -> String {
        String(unicodeScalars.filter { $0 != " " }.map(Character.init))
    }
}
