import DeployManifest
import Testing

@Suite struct PathReferenceTests {
    @Test(arguments: [
        "azureml:iris:1", "azureml:iris@latest", "azureml://datastores/ws/paths/x.csv", "https://a.b/c.csv",
        "wasbs://c@a.blob.core.windows.net/x", "abfss://c@a.dfs.core.windows.net/x", "runs:/abc/model",
        "git+https://github.com/a/b", "/subscriptions/s/resourceGroups/r/data/d/versions/1",
    ])
    func remoteForms(text: String) {
        #expect(PathReference.isRemote(text))
    }

    @Test(arguments: ["data/iris.csv", "./src", "../x", "/tmp/x", "file:./x", "C:x", "with space/a:b"])
    func localForms(text: String) {
        #expect(!PathReference.isRemote(text))
    }

    @Test func localPathsResolveAgainstTheManifestFolder() {
        let path = LocalPath(
            written: "../data/./iris.csv", relativeTo: "/w/jobs/basics", displayDirectory: "jobs/basics")
        #expect(path.absolute == "/w/jobs/data/iris.csv")
        #expect(path.display == "jobs/basics/../data/./iris.csv")
        #expect(path.lastComponent == "iris.csv")
        let here = LocalPath(written: "src", relativeTo: "/w", displayDirectory: ".")
        #expect(here.display == "src")
        let absolute = LocalPath(written: "/opt/src/", relativeTo: "/w", displayDirectory: "w")
        #expect(absolute.absolute == "/opt/src")
        #expect(absolute.display == "/opt/src/")
    }
}
