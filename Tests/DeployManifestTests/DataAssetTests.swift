import DeployManifest
import DeployYAML
import Testing

@Suite struct DataAssetTests {
    static let schema = "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\n"

    @Test func localAndRemotePaths() throws {
        let folder = try TestFolder(["data/iris.csv": "a\n", "table/MLTable": "paths: []\n"])
        let local = try folder.load(
            DataAssetTests.schema + """
                name: iris
                version: "1"
                type: uri_file
                description: d
                tags: {k: v}
                path: ./data/iris.csv
                datastore: workspaceblobstore
                auto_delete_setting: {condition: created_greater_than, value: "2025-01-01"}
                """, name: "data.yml")
        #expect(local.rendered == "")
        let asset = try #require(local.dataAsset)
        #expect(asset.name.value == "iris")
        #expect(asset.version?.value == "1")
        #expect(asset.effectiveType == .uriFile)
        #expect(asset.path.value.localPath?.absolute == folder.path + "/data/iris.csv")
        #expect(asset.autoDeleteSetting?.value.condition?.value == .createdGreaterThan)
        let remote = try folder.load(
            DataAssetTests.schema + "name: c\npath: abfss://c@a.dfs.core.windows.net/x/\n", name: "data.yml")
        #expect(remote.dataAsset?.path.value == .remote("abfss://c@a.dfs.core.windows.net/x/"))
        #expect(remote.dataAsset?.effectiveType == .uriFolder)
        let table = try folder.load(DataAssetTests.schema + "name: t\ntype: mltable\npath: table\n", name: "data.yml")
        #expect(table.rendered == "")
        #expect(table.references == [folder.path + "/table", folder.path + "/table/MLTable"])
    }

    @Test func errorsAndReadOnlyProperties() throws {
        let loaded = try TestFolder().load(
            DataAssetTests.schema + """
                type: URI_FILE
                path: missing.csv
                properties: {a: b}
                creation_context: {}
                """, name: "data.yml")
        #expect(
            loaded.rendered == """
                data.yml:1:1: error: missing required key `name`
                \(DataAssetTests.schema)^
                data.yml:2:7: error: type: expected one of "uri_file", "uri_folder", "mltable", found "URI_FILE"
                type: URI_FILE
                      ^
                data.yml:3:7: error: path: no such file or directory: missing.csv
                path: missing.csv
                      ^
                data.yml:4:1: warning: properties: read-only key, ignored
                properties: {a: b}
                ^
                data.yml:5:1: warning: creation_context: read-only key, ignored
                creation_context: {}
                ^
                """)
    }
}
