import AzureML
import Testing

@Suite struct ComputeTargetTests {
    let workspace = WorkspaceID(subscription: "s", resourceGroup: "r", workspace: "w")
    let ws = "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"

    @Test(arguments: ["azureml:cpu-cluster", "cpu-cluster", "AzureML:cpu-cluster"])
    func namesBecomeWorkspaceComputeIds(_ text: String) throws {
        let target = try ComputeTarget(parsing: text)
        #expect(target == .named("cpu-cluster"))
        #expect(target.computeID(in: workspace) == ws + "/computes/cpu-cluster")
        #expect(target.workspaceComputeName == "cpu-cluster")
    }

    @Test func serverlessIsAComputeName() throws {
        #expect(try ComputeTarget(parsing: "serverless").computeID(in: workspace) == ws + "/computes/serverless")
    }

    @Test func armIdsAreVerbatim() throws {
        let id =
            "/subscriptions/o/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/x/computes/c1"
        #expect(try ComputeTarget(parsing: id).computeID(in: workspace) == id)
        #expect(try ComputeTarget(parsing: "azureml:" + id).computeID(in: workspace) == id)
    }

    @Test func localSendsNoComputeId() throws {
        #expect(try ComputeTarget(parsing: "local") == .local)
        #expect(try ComputeTarget(parsing: "Local").computeID(in: workspace) == nil)
    }

    @Test func virtualClusters() throws {
        #expect(
            try ComputeTarget(parsing: "azureml:virtualClusters/vc").computeID(in: workspace)
                == "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/virtualClusters/vc")
    }

    @Test func errors() {
        #expect(throws: AzureMLError.invalidReference("`compute` names no compute")) {
            try ComputeTarget(parsing: "azureml:")
        }
        #expect(
            throws: AzureMLError.invalidReference(
                "`a/b` is not a compute name; an ARM id starts with `/subscriptions/`")
        ) { try ComputeTarget(parsing: "a/b") }
        #expect(
            throws: AzureMLError.invalidReference("`/x/y` is not a compute ARM id; expected /subscriptions/...")
        ) { try ComputeTarget(parsing: "/x/y") }
    }
}
