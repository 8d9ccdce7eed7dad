import AzureML
import DeployManifest
import DeployYAML
import Testing

@Suite struct AssetReferenceTests {
    let workspace = WorkspaceID(subscription: "s", resourceGroup: "r", workspace: "w")
    let ws = "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"

    func target(_ text: String, _ role: ReferenceRole) throws -> AssetReference.Target {
        try AssetReference(parsing: text, role: role).target
    }

    func message(_ text: String, _ role: ReferenceRole) -> String? {
        do {
            _ = try AssetReference(parsing: text, role: role)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func environmentVersionSplitsOnTheFirstColon() throws {
        #expect(
            try target("azureml:myenv:7", .environment) == .version(kind: .environment, name: "myenv", version: "7"))
        #expect(try target("azureml:a:b:4", .environment) == .version(kind: .environment, name: "a", version: "b:4"))
        let reference = try AssetReference(parsing: "azureml:myenv:7", role: .environment)
        #expect(reference.wireValue(in: workspace) == ws + "/environments/myenv/versions/7")
        #expect(!reference.needsLookup)
    }

    @Test func environmentLabelNeedsALookup() throws {
        let reference = try AssetReference(parsing: "azureml:myenv@latest", role: .environment)
        #expect(reference.target == .label(kind: .environment, name: "myenv", label: "latest"))
        #expect(reference.needsLookup)
        #expect(reference.wireValue(in: workspace) == nil)
        #expect(reference.workspaceAsset?.name == "myenv")
        #expect(reference.workspaceAsset?.version == nil)
    }

    @Test func curatedEnvironmentsAreSentVerbatim() throws {
        for text in ["azureml:AzureML-lightgbm-3.3@latest", "azureml:AzureML-sklearn-1.5:5"] {
            let reference = try AssetReference(parsing: text, role: .environment)
            #expect(reference.target == .curatedEnvironment(text))
            #expect(reference.wireValue(in: workspace) == text)
            #expect(!reference.needsLookup)
        }
    }

    @Test func registryAndARMIdEnvironments() throws {
        let registry = "azureml://registries/azureml/environments/sklearn-1.5/labels/latest"
        #expect(try target(registry, .environment) == .registry(registry))
        let id = ws + "/environments/e/versions/2"
        #expect(try target("azureml:" + id, .environment) == .armID(id))
    }

    @Test func environmentErrors() {
        #expect(
            message("/subscriptions/s/x", .environment)
                == "an ARM id needs the `azureml:` prefix here: azureml:/subscriptions/s/x (the SDK's schema refuses a "
                + "bare one)")
        #expect(
            message("azureml:myenv@prod", .environment)
                == "unknown label `@prod` in `azureml:myenv@prod`; the only label is `@latest`")
        #expect(
            message("azureml:myenv", .environment) == "`azureml:myenv` needs a version or a label: `azureml:myenv:1` "
                + "or `azureml:myenv@latest`")
        #expect(
            message("azureml:folder/env:1", .environment)
                == "cannot parse `azureml:folder/env:1`; an ARM id starts with `/` (azureml:/subscriptions/...)")
        #expect(
            message("azureml:/subscriptions/s/other/x", .environment)
                == "`azureml:/subscriptions/s/other/x` is not the ARM id of an environment version; expected "
                + "azureml:/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/"
                + "workspaces/<ws>/environments/<name>/versions/<version>")
        #expect(
            message("azureml://datastores/d/paths/p", .environment)
                == "`azureml://datastores/d/paths/p` is not an environment reference; use azureml:<name>:<version>, "
                + "azureml:<name>@latest or azureml://registries/<registry>/environments/<name>/versions/<version>")
    }

    @Test func codeForms() throws {
        let id = ws + "/codes/c/versions/3"
        #expect(try target("azureml:" + id, .code) == .armID(id))
        #expect(try target("azureml:c:3", .code) == .version(kind: .code, name: "c", version: "3"))
        #expect(try target("https://github.com/a/b", .code) == .url("https://github.com/a/b"))
        #expect(try target("git+https://github.com/a/b", .code) == .url("git+https://github.com/a/b"))
        #expect(
            message("azureml://registries/r/codes/c/versions/1", .code)
                == "a registry asset cannot be used as code (the SDK refuses `azureml://registries/r/codes/c/versions/1`)"
        )
        #expect(
            message("azureml:c@latest", .code)
                == "code cannot be referenced by label; give a version: azureml:<name>:<version>")
        #expect(
            message(id, .code)
                == "an ARM id needs the `azureml:` prefix here: azureml:\(id) (the SDK's schema refuses a bare one)")
    }

    @Test func inputForms() throws {
        let role = ReferenceRole.input(.uriFile)
        #expect(try target("azureml:iris:1", role) == .version(kind: .data, name: "iris", version: "1"))
        #expect(try target("iris:1", role) == .version(kind: .data, name: "iris", version: "1"))
        #expect(try target("azureml:iris@latest", role) == .label(kind: .data, name: "iris", label: "latest"))
        #expect(try target("azureml:m:2", .input(.mlflowModel)) == .version(kind: .model, name: "m", version: "2"))
        #expect(try target("azureml:m:2", .input(.customModel)) == .version(kind: .model, name: "m", version: "2"))
        // The SDK resolves triton models as data (`_resolve_job_input` checks only mlflow and custom models).
        #expect(try target("azureml:m:2", .input(.tritonModel)) == .version(kind: .data, name: "m", version: "2"))
        let id = ws + "/data/iris/versions/1"
        #expect(try target(id, role) == .armID(id))
        #expect(try target("azureml:" + id, role) == .armID(id))
        #expect(
            try target("azureml://datastores/workspaceblobstore/paths/a/b.csv", role)
                == .datastorePath(datastore: "workspaceblobstore", path: "a/b.csv"))
        let long = "azureml://subscriptions/s/resourcegroups/r/workspaces/w/datastores/d/paths/p"
        #expect(try target(long, role) == .workspaceDatastorePath(long))
        #expect(
            try target("azureml://jobs/j1/outputs/model/paths/m.pkl", role)
                == .jobOutput(job: "j1", output: "model", path: "m.pkl"))
        #expect(
            try target("azureml://registries/r/data/d/versions/1", role)
                == .registry("azureml://registries/r/data/d/versions/1"))
        for url in [
            "https://a.blob.core.windows.net/c/x.csv", "wasbs://c@a.blob.core.windows.net/",
            "abfss://f@a.dfs.core.windows.net/p",
        ] {
            let reference = try AssetReference(parsing: url, role: role)
            #expect(reference.target == .url(url))
            #expect(reference.wireValue(in: workspace) == url)
        }
        #expect(
            message("azureml://datastores/d/files/p", role)
                == "`azureml://datastores/d/files/p` is not a datastore URI; expected "
                + "azureml://datastores/<datastore>/paths/<path>")
    }

    @Test func dataPathsAreURIsOrLocal() throws {
        #expect(try target("https://x/y.csv", .dataPath) == .url("https://x/y.csv"))
        #expect(
            message("azureml:iris:1", .dataPath)
                == "`azureml:iris:1` is not a data path; use a local path, azureml://datastores/<datastore>/paths/<path>, "
                + "or an https://, wasbs:// or abfss:// URL")
    }

    @Test func errorsCarryTheManifestPosition() throws {
        let source = SourceFile(name: "job.yml", text: "environment: azureml:myenv@prod\n")
        let node = try #require(try YAMLParser().parse(source).first?["environment"])
        do {
            _ = try AssetReference(Located(PathReference.remote("azureml:myenv@prod"), node: node), role: .environment)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == "job.yml:1:14")
            #expect(
                error.diagnostic?.rendered == """
                    job.yml:1:14: error: unknown label `@prod` in `azureml:myenv@prod`; the only label is `@latest`
                    environment: azureml:myenv@prod
                                 ^
                    """)
        }
    }

    @Test func localPathsStayLocal() throws {
        let path = LocalPath(written: "data", absolute: "/tmp/x/data", display: "x/data")
        let source = SourceFile(name: "job.yml", text: "path: data\n")
        let node = try #require(try YAMLParser().parse(source).first?["path"])
        let reference = try AssetReference(Located(PathReference.local(path), node: node), role: .input(.uriFolder))
        #expect(reference.target == .local(path))
        #expect(reference.wireValue(in: workspace) == nil)
    }
}
