import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct JobReferencesTests {
    let ws = LocalWorkspaceServer.workspace.armID

    @Test func classifiesReferences() throws {
        #expect(
            try JobReferences.classify("azureml:AzureML-lightgbm-3.3@latest", field: "f", kind: .environment) == nil)
        #expect(
            try JobReferences.classify(
                "azureml://registries/r/environments/e/versions/1", field: "f", kind: .environment) == nil)
        #expect(try JobReferences.classify("https://x/y.csv", field: "f", kind: .data) == nil)
        #expect(try JobReferences.classify("azureml://datastores/ds/paths/p", field: "f", kind: .data) == nil)
        #expect(try JobReferences.classify(ws + "/computes/serverless", field: "f", kind: .compute) == nil)
        #expect(
            try JobReferences.classify(ws + "/environments/e/versions/2", field: "f", kind: .environment)?.resource
                == ResourceID(kind: .environment, name: "e", version: "2"))
        #expect(
            try JobReferences.classify("azureml:" + ws + "/codes/c/versions/1", field: "f", kind: .code)?.resource
                == ResourceID(kind: .code, name: "c", version: "1"))
        let latest = try JobReferences.classify("azureml:iris@latest", field: "f", kind: .data)
        #expect(latest?.resource == ResourceID(kind: .data, name: "iris"))
        #expect(latest?.anyVersion == true)
        #expect(
            try JobReferences.classify("azureml:iris:3", field: "f", kind: .data)?.resource
                == ResourceID(kind: .data, name: "iris", version: "3"))
    }

    @Test func rejectsReferencesThatCannotExistHere() {
        #expect(
            throws: ARMError.userError(
                "'myenv' is not a valid environment id: expected the ARM id of an environment in this workspace.",
                target: "f")
        ) { try JobReferences.classify("myenv", field: "f", kind: .environment) }
        let model = ws + "/models/m/versions/1"
        #expect(throws: JobReferences.missing(model, field: "f")) {
            try JobReferences.classify(model, field: "f", kind: .data)
        }
        let elsewhere =
            "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w"
            + "/environments/e/versions/1"
        #expect(throws: JobReferences.missing(elsewhere, field: "f")) {
            try JobReferences.classify(elsewhere, field: "f", kind: .environment)
        }
    }
}
