import Testing

@testable import DeployManifest

@Suite struct ManifestEnumTests {
    @Test(arguments: [
        ("AMLToken", "aml_token"), ("UserIdentity", "user_identity"), ("managed", "managed"),
        ("MedianStopping", "median_stopping"), ("truncation_selection", "truncation_selection"),
        ("HTTPPort", "http_port"),
        ("RO_MOUNT", "ro_mount"),
    ])
    func camelToSnakeMatchesTheSDK(text: String, expected: String) {
        #expect(AutoDeleteCondition.camelToSnake(text) == expected)
    }

    @Test func parsingAppliesTheSDKsCasingTransform() {
        #expect(InputMode.parse("RO_Mount") == .roMount)
        #expect(InputMode.parse("RoMount") == nil)
        #expect(SamplingType.parse("Bayesian") == .bayesian)
        #expect(IdentityName.parse("UserIdentity") == .userIdentity)
        #expect(AssetType.parse("URI_FILE") == .uriFile)
        #expect(
            AssetType.allowedList
                == "\"uri_file\", \"uri_folder\", \"mltable\", \"custom_model\", \"mlflow_model\", \"triton_model\"")
    }

    @Test func restSpellings() {
        #expect(
            InputMode.allCases.map(\.restValue) == ["ReadOnlyMount", "Download", "Direct", "EvalMount", "EvalDownload"])
        #expect(OutputMode.allCases.map(\.restValue) == ["ReadWriteMount", "Upload", "ReadWriteMount", "Direct"])
        #expect(ServiceType.allCases.map(\.restValue) == ["JupyterLab", "SSH", "TensorBoard", "VSCode"])
        #expect(JobTier.allCases.map(\.restValue) == ["Spot", "Basic", "Standard", "Premium", "Null"])
        #expect(SamplingType.allCases.map(\.restValue) == ["Random", "Grid", "Bayesian"])
        #expect(JobPriority.allCases.map(\.restValue) == [1, 2, 3])
        #expect(AssetType.uriFolder.allowedInputModes == [.roMount, .download, .direct])
        #expect(AssetType.mltable.allowedInputModes.count == 5)
        #expect(
            ManifestKind.allCases.map(\.schemaName) == [
                "commandJob", "sweepJob", "environment", "data", "code", "amlCompute",
            ])
        #expect(ManifestKind(schemaName: "AMLCOMPUTE") == .compute)
    }
}
