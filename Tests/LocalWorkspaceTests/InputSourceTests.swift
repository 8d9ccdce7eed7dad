import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct InputSourceTests {
    @Test func urisAreClassified() throws {
        func source(_ uri: String) throws -> InputSource {
            try InputSource.classify(JobInput(jobInputType: "uri_file", uri: uri), field: "inputs.x")
        }
        #expect(try InputSource.classify(.literal("0.1"), field: "x") == .literal("0.1"))
        #expect(
            try source("azureml://datastores/workspaceblobstore/paths/LocalUpload/ab/iris%20data.csv")
                == .datastore(name: "workspaceblobstore", path: "LocalUpload/ab/iris data.csv"))
        #expect(
            try source(
                "azureml://subscriptions/s/resourcegroups/g/workspaces/w/datastores/ds/paths/a/")
                == .datastore(name: "ds", path: "a/"))
        #expect(try source("azureml:iris:2") == .dataAsset(name: "iris", version: "2"))
        #expect(try source("azureml:iris@latest") == .dataAsset(name: "iris", version: nil))
        #expect(
            try source(LocalWorkspaceServer.workspace.armID + "/data/iris/versions/3")
                == .dataAsset(name: "iris", version: "3"))
        #expect(try source("file:///tmp/a%20b.csv") == .localPath("/tmp/a b.csv"))
        #expect(try source("/tmp/x") == .localPath("/tmp/x"))
        #expect(try source("https://example.com/x.csv") == .web("https://example.com/x.csv"))
    }

    @Test(arguments: [
        (
            "wasbs://c@a.blob.core.windows.net/x",
            "'wasbs://' inputs are not supported by the local workspace; use an azureml:// datastore path, a data "
                + "asset, an http(s) URL or a local path"
        ),
        (
            "data/iris.csv",
            "'data/iris.csv' is a relative path; the local workspace needs an absolute path, a datastore path or a "
                + "data asset"
        ),
        (
            "azureml://registries/r/data/d/versions/1",
            "'azureml://registries/r/data/d/versions/1' is not a datastore path the local workspace can read: expected "
                + "azureml://datastores/<name>/paths/<path>"
        ),
        ("file://relative", "'file://relative' is not an absolute file:// URI"),
    ])
    func unsupportedURIsAreRejected(_ uri: String, _ message: String) {
        #expect(throws: LocalWorkspaceError.jobPreparation(message, field: "inputs.x")) {
            try InputSource.classify(uri: uri, field: "inputs.x")
        }
    }
}
