import AzureML
import Foundation
import Testing
import WorkspaceClient

@Suite struct WorkspaceSelectorTests {
    let azure = WorkspaceID(subscription: "sub-1", resourceGroup: "rg-1", workspace: "ws-1")

    private func selector(_ directory: String, _ environment: [String: String] = [:]) -> WorkspaceSelector {
        WorkspaceSelector(environment: environment, workingDirectory: directory, configSearchLimit: directory)
    }

    @Test func parsesLocalWorkspaces() throws {
        let selector = selector("/work/project")
        #expect(try selector.parse("local") == .local(directory: "/work/project/.deploy"))
        #expect(try selector.parse("local:ws/../other") == .local(directory: "/work/project/other"))
        #expect(try selector.parse("local:/srv/deploy") == .local(directory: "/srv/deploy"))
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "--workspace local: needs a directory, as in local:path/to/dir")
        ) {
            try selector.parse("local:")
        }
    }

    @Test func parsesAzureWorkspaces() throws {
        let selector = selector("/w")
        #expect(
            try selector.parse("azureml://subscriptions/sub-1/resourcegroups/rg-1/workspaces/ws-1") == .azure(azure))
        #expect(try selector.parse(azure.armID) == .azure(azure))
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "'azureml://subscriptions/s/workspaces/w' is not a workspace id: expected /subscriptions/<sub>/"
                    + "resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws> or "
                    + "azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>",
                source: "--workspace")
        ) { try selector.parse("azureml://subscriptions/s/workspaces/w") }
    }

    @Test func parsesEndpointURLs() throws {
        let selector = selector("/w")
        #expect(
            try selector.parse("http://127.0.0.1:8080\(azure.armID)/")
                == .endpoint(baseURL: "http://127.0.0.1:8080", workspace: azure))
        #expect(
            try selector.parse("https://ml.example/proxy/subscriptions/sub-1/resourcegroups/rg-1/workspaces/ws-1?x=1")
                == .endpoint(baseURL: "https://ml.example/proxy", workspace: azure))
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "the endpoint URL 'http://127.0.0.1:8080' has no workspace path: expected http(s)://host:port/"
                    + "subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>",
                source: "--workspace")
        ) { try selector.parse("http://127.0.0.1:8080") }
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "the endpoint URL 'http://h/subscriptions/s/jobs/j' does not end with a workspace path: expected "
                    + ".../subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/"
                    + "workspaces/<ws>",
                source: "--workspace")
        ) { try selector.parse("http://h/subscriptions/s/jobs/j") }
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "'prod' is not a workspace: use local, local:DIR, "
                    + "azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>, an ARM workspace id, or "
                    + "an endpoint URL http(s)://host:port/subscriptions/<sub>/resourceGroups/<rg>/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/<ws>",
                source: "--workspace")
        ) { try selector.parse("prod") }
    }

    @Test func theFlagComesFirstThenTheEnvironment() throws {
        let environment = [
            "AZURE_SUBSCRIPTION_ID": "sub-1", "AZURE_RESOURCE_GROUP": "rg-1", "AZUREML_WORKSPACE_NAME": "ws-1",
        ]
        #expect(
            try selector("/w", environment).select(flag: "local")
                == WorkspaceSelection(target: .local(directory: "/w/.deploy"), reason: "from --workspace"))
        let fromEnvironment = try selector("/w", environment).select(flag: nil)
        #expect(fromEnvironment.target == .azure(azure))
        #expect(
            fromEnvironment.description
                == "Azure ML workspace azureml://subscriptions/sub-1/resourcegroups/rg-1/workspaces/ws-1 "
                + "(from AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and AZUREML_WORKSPACE_NAME)")
        #expect(
            throws: WorkspaceClientError.invalidWorkspace(
                "AZUREML_WORKSPACE_NAME is set but AZURE_RESOURCE_GROUP is not: set AZURE_SUBSCRIPTION_ID and "
                    + "AZURE_RESOURCE_GROUP too, or unset AZUREML_WORKSPACE_NAME")
        ) { try selector("/w", ["AZURE_SUBSCRIPTION_ID": "s", "AZUREML_WORKSPACE_NAME": "w"]).select(flag: nil) }
    }

    @Test func findsTheNearestConfigFileAndSaysWhere() async throws {
        try await withTemporaryDirectory { root in
            let nested = root + "/repo/jobs/lightgbm"
            try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/repo/.azureml", withIntermediateDirectories: true)
            try writeFile(
                root + "/repo/.azureml/config.json",
                Array(#"{"subscription_id": "sub-1", "resource_group": "rg-1", "workspace_name": "ws-1"}"#.utf8))
            try writeFile(root + "/repo/config.json", Array(#"{"workspace_name": "shadowed"}"#.utf8))
            try writeFile(root + "/repo/jobs/config.json", Array(#"{"eslint": true}"#.utf8))
            let environment = ["AZURE_SUBSCRIPTION_ID": "other", "AZURE_RESOURCE_GROUP": "other"]
            let selection = try WorkspaceSelector(
                environment: environment, workingDirectory: nested, configSearchLimit: root
            ).select(flag: nil)
            #expect(
                selection
                    == WorkspaceSelection(
                        target: .azure(azure), reason: "from config.json at \(root)/repo/.azureml/config.json"))
        }
    }

    @Test func readsTheScopeFormAndRejectsIncompleteConfigs() async throws {
        try await withTemporaryDirectory { root in
            try writeFile(root + "/config.json", Array(#"{"Scope": "\#(azure.armID)"}"#.utf8))
            #expect(try selector(root).select(flag: nil).target == .azure(azure))
            try writeFile(root + "/config.json", Array(#"{"workspace_name": "w", "subscription_id": 3}"#.utf8))
            #expect(
                throws: WorkspaceClientError.invalidWorkspace(
                    "subscription_id and resource_group are missing or not a string", source: root + "/config.json")
            ) { try selector(root).select(flag: nil) }
            try FileManager.default.createDirectory(atPath: root + "/.azureml", withIntermediateDirectories: true)
            try writeFile(root + "/.azureml/config.json", Array("not json".utf8))
            #expect(
                throws: WorkspaceClientError.invalidWorkspace(
                    "not a JSON object", source: root + "/.azureml/config.json")
            ) { try selector(root).select(flag: nil) }
        }
    }

    @Test func defaultsToTheLocalWorkspaceAndSaysWhy() async throws {
        try await withTemporaryDirectory { root in
            try writeFile(root + "/config.json", Array(#"{"name": "some other tool"}"#.utf8))
            let selection = try selector(root, ["AZURE_SUBSCRIPTION_ID": "s"]).select(flag: nil)
            #expect(
                selection
                    == WorkspaceSelection(
                        target: .local(directory: root + "/.deploy"),
                        reason: "the default: no --workspace, AZUREML_WORKSPACE_NAME is not set, and no Azure ML "
                            + "config.json in \(root) or its parents"))
            #expect(selection.description.hasPrefix("local workspace in \(root)/.deploy (the default: "))
        }
    }
}
