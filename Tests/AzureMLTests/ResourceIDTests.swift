import AzureML
import Testing

@Suite struct ResourceIDTests {
    static let workspace = WorkspaceID(subscription: "sub", resourceGroup: "rg", workspace: "ws")

    @Test func formatsAndParsesVersionedIDs() throws {
        let id = ResourceID(kind: .environment, name: "lightgbm-env", version: "1")
        let arm = Self.workspace.id(of: id)
        #expect(
            arm == "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
                + "/environments/lightgbm-env/versions/1")
        let (workspace, parsed) = try ResourceID.parse(armID: arm)
        #expect(workspace == Self.workspace)
        #expect(parsed == id)
        #expect(parsed.address == "environment.lightgbm-env:1")
    }

    @Test func parsesJobsAndLowercaseSegments() throws {
        let (workspace, job) = try ResourceID.parse(
            armID:
                "/subscriptions/sub/resourcegroups/rg/providers/microsoft.machinelearningservices/workspaces/ws/jobs/j1"
        )
        #expect(workspace == Self.workspace)
        #expect(job == ResourceID(kind: .job, name: "j1"))
    }

    @Test(arguments: [
        "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/j/versions/1",
        "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/models/m",
        "subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/j",
        "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/workspaces/ws/jobs/j",
    ])
    func rejectsOtherIDs(text: String) {
        #expect(throws: AzureMLError.self) { try ResourceID.parse(armID: text) }
    }

    @Test func workspaceURIForm() throws {
        let workspace = try WorkspaceID(parsing: "azureml://subscriptions/sub/resourcegroups/rg/workspaces/ws")
        #expect(workspace == Self.workspace)
        #expect(try WorkspaceID(parsing: workspace.armID) == workspace)
        #expect(workspace.uri == "azureml://subscriptions/sub/resourcegroups/rg/workspaces/ws")
        #expect(throws: AzureMLError.self) { try WorkspaceID(parsing: "azureml://subscriptions/sub/workspaces/ws") }
    }

    @Test func kindsOrderDependencies() {
        #expect([ResourceKind.job, .code, .data, .environment].sorted() == [.environment, .data, .code, .job])
        #expect(APIVersion.write(.job, jobType: "Command") == "2025-01-01-preview")
        #expect(APIVersion.write(.job, jobType: "Sweep") == "2024-01-01-preview")
        #expect(APIVersion.read(.code) == "2023-04-01")
    }
}
