import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct JobEnvironmentVariablesTests {
    let variables = JobEnvironmentVariables(
        job: "j1", experiment: "exp", workspace: LocalWorkspaceServer.workspace, serverURL: "http://127.0.0.1:5000",
        mlflowRunID: "j1", mlflowToken: "secret", inputs: ["data": "/d"], outputs: ["model": "/m"],
        pythonBin: "/ws/envs/abc/bin", virtualEnvironment: "/ws/envs/abc", threads: 1,
        sweepParameters: ["lr": "0.1"], jobVariables: ["OMP_NUM_THREADS": "4", "EXTRA": "x"])

    @Test func theRunnerSetsTheAzureMLAndMLflowVariables() {
        let result = variables.variables(base: ["PATH": "/usr/bin:/bin", "HOME": "/root"])
        #expect(result["PATH"] == "/ws/envs/abc/bin:/usr/bin:/bin")
        #expect(result["HOME"] == "/root")
        #expect(result["VIRTUAL_ENV"] == "/ws/envs/abc")
        #expect(result["AZUREML_RUN_ID"] == "j1")
        #expect(result["AZUREML_ARM_SUBSCRIPTION"] == LocalWorkspaceServer.workspace.subscription)
        #expect(result["AZUREML_ARM_PROJECT_NAME"] == "exp")
        #expect(result["AZURE_ML_INPUT_data"] == "/d")
        #expect(result["AZURE_ML_OUTPUT_model"] == "/m")
        #expect(result["AZUREML_SWEEP_lr"] == "0.1")
        #expect(result["MLFLOW_TRACKING_URI"] == "http://127.0.0.1:5000")
        #expect(result["MLFLOW_RUN_ID"] == "j1")
        #expect(result["MLFLOW_EXPERIMENT_NAME"] == "exp")
        #expect(result["MLFLOW_TRACKING_TOKEN"] == "secret")
        #expect(result["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] == "2")
        #expect(result["MLFLOW_HTTP_REQUEST_TIMEOUT"] == "30")
        #expect(result["MLFLOW_DISABLE_TELEMETRY"] == "true")
        #expect(result["PYTHONUNBUFFERED"] == "1")
        #expect(result["OMP_NUM_THREADS"] == "4")
        #expect(result["EXTRA"] == "x")
    }

    @Test func theServersOwnMLflowAndPythonSettingsAreNotInherited() {
        var plain = variables
        plain.jobVariables = [:]
        plain.virtualEnvironment = nil
        let result = plain.variables(base: [
            "MLFLOW_TRACKING_URI": "http://elsewhere", "AZUREML_RUN_ID": "other", "VIRTUAL_ENV": "/venv",
            "PYTHONHOME": "/py", "MLFLOW_EXPERIMENT_ID": "7", "LANG": "C.UTF-8",
        ])
        #expect(result["MLFLOW_TRACKING_URI"] == "http://127.0.0.1:5000")
        #expect(result["MLFLOW_EXPERIMENT_ID"] == nil)
        #expect(result["VIRTUAL_ENV"] == nil)
        #expect(result["PYTHONHOME"] == nil)
        #expect(result["LANG"] == "C.UTF-8")
        #expect(result["OMP_NUM_THREADS"] == "1")
        #expect(result["PATH"] == "/ws/envs/abc/bin:/usr/local/bin:/usr/bin:/bin")
    }
}
