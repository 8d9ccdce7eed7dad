import DeployManifest
import DeployYAML
import Testing

@Suite struct CodeAssetTests {
    static let schema = "$schema: https://azuremlschemas.azureedge.net/latest/code.schema.json\n"

    @Test func loadsACodeAsset() throws {
        let folder = try TestFolder(["src/main.py": ""])
        let loaded = try folder.load(
            CodeAssetTests.schema + "name: c\nversion: 2\ndescription: d\npath: src\n", name: "code.yml")
        #expect(loaded.rendered == "")
        let asset = try #require(loaded.codeAsset)
        #expect(asset.version?.value == "2")
        #expect(asset.path.value.localPath?.absolute == folder.path + "/src")
        let git = try folder.load(CodeAssetTests.schema + "name: c\npath: git+https://github.com/a/b\n", name: "c.yml")
        #expect(git.codeAsset?.path.value == .remote("git+https://github.com/a/b"))
    }

    @Test func reportsProblems() throws {
        let loaded = try TestFolder().load(
            CodeAssetTests.schema + "name: c\npath: srcs\nproperties: {}\nid: x\n", name: "code.yml")
        #expect(
            loaded.rendered == """
                code.yml:3:7: error: path: no such file or directory: srcs
                path: srcs
                      ^
                code.yml:4:1: error: properties: unknown key; code assets have no `properties`; use `tags`
                properties: {}
                ^
                code.yml:5:1: warning: id: read-only key, ignored
                id: x
                ^
                """)
    }
}
