import AzureML

/// The generated tree tables of `Fixtures/Hashing` (`trees.json`, `static-trees.json`).
enum HashTables {
    /// Trees built at test time, with the SDK re-implementation's file list, content hash and object hash.
    static let trees = (try? Fixture.json("Hashing/trees.json"))?["trees"]?.arrayValue ?? []
    /// The committed folders under `Fixtures/Hashing/Trees`, with the same values.
    static let staticTrees = (try? Fixture.json("Hashing/static-trees.json"))?["trees"]?.arrayValue ?? []

    /// A built tree and the path to list or hash in it.
    static func build(_ tree: JSONValue) throws -> (scratch: ScratchFolder, root: String) {
        let scratch = try ScratchFolder()
        try scratch.build(tree)
        return (scratch, scratch.path(tree["root"]?.stringValue ?? ""))
    }

    /// The path of a committed tree.
    static func staticRoot(_ tree: JSONValue) -> String {
        Fixture.path("Hashing/Trees/" + (tree["root"]?.stringValue ?? ""))
    }

    /// The expected relative paths, in hash order.
    static func files(_ tree: JSONValue) -> [String] {
        (tree["files"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
