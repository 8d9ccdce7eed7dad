import AzureML
import Testing

@Suite struct JobPropertiesTests {
    static let commandBody = #"""
        {"jobType": "Command", "displayName": "full", "description": "d", "experimentName": "exp1",
         "tags": {"team": "x"}, "properties": {"p1": "v1"}, "isArchived": false,
         "command": "python train.py --lr ${{inputs.lr}} --out ${{outputs.model}}",
         "codeId": "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/codes/c/versions/1",
         "environmentId": "azureml:AzureML-lightgbm-3.3@latest",
         "computeId": "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/computes/cpu",
         "environmentVariables": {"FOO": "bar"},
         "inputs": {"lr": {"jobInputType": "literal", "value": "0.01"},
                    "ds": {"jobInputType": "uri_folder", "uri": "azureml://datastores/x/paths/y/", "mode": "ReadOnlyMount"}},
         "outputs": {"model": {"jobOutputType": "uri_folder", "mode": "ReadWriteMount"}},
         "distribution": {"distributionType": "PyTorch", "processCountPerInstance": 4},
         "resources": {"instanceCount": 2, "instanceType": "Standard_NC6", "shmSize": "8g", "properties": {}},
         "limits": {"jobLimitsType": "Command", "timeout": "PT1H"},
         "identity": {"identityType": "UserIdentity"},
         "services": {"ssh": {"jobServiceType": "SSH", "nodes": {"nodesValueType": "All"},
                              "properties": {"sshPublicKeys": "ssh-rsa AAAA"}}},
         "queueSettings": {"jobTier": "Standard", "priority": 2}}
        """#

    @Test func readsACommandJobAndWritesItBack() throws {
        let json = try JSONValue(parsing: Self.commandBody)
        let job = try JobProperties(json: json)
        #expect(job.isCommand)
        #expect(job.inputs?["lr"]?.value == "0.01")
        #expect(job.inputs?["ds"]?.mode == "ReadOnlyMount")
        #expect(job.limits?.timeout == "PT1H")
        #expect(job.distribution?.settings["processCountPerInstance"] == 4)
        #expect(job.queueSettings?.priority == 2)
        #expect(job.json == json)
    }

    @Test func readsASweepJob() throws {
        let json = try JSONValue(
            parsing: #"""
                {"jobType": "Sweep", "isArchived": false, "tags": {}, "properties": {},
                 "samplingAlgorithm": {"samplingAlgorithmType": "Random", "rule": "sobol", "seed": 42},
                 "searchSpace": {"c1": ["choice", [[1, 2, 3]]], "u": ["uniform", [0.1, 1]], "ri": ["randint", [10]]},
                 "objective": {"goal": "maximize", "primaryMetric": "acc"},
                 "limits": {"jobLimitsType": "Sweep", "maxTotalTrials": 20, "maxConcurrentTrials": 4,
                            "timeout": "PT2H", "trialTimeout": "PT10M"},
                 "earlyTermination": {"policyType": "Bandit", "slackFactor": 0.1, "slackAmount": 0,
                                      "evaluationInterval": 2, "delayEvaluation": 5},
                 "trial": {"command": "python train.py --a ${{search_space.u}}", "environmentId": "e",
                           "environmentVariables": {"X": "1"}, "resources": {"instanceCount": 1, "properties": {}}},
                 "inputs": {}, "outputs": {"out": {"jobOutputType": "uri_folder"}}}
                """#)
        let job = try JobProperties(json: json)
        #expect(job.isSweep)
        #expect(job.objective?.minimizes == false)
        #expect(job.limits?.maxConcurrentTrials == 4)
        #expect(job.earlyTermination?.delayEvaluation == 5)
        #expect(job.samplingAlgorithm?.seed == 42)
        #expect(job.json == json)
    }

    @Test(arguments: [
        (#"{"jobType": "Pipeline"}"#, "properties.jobType: 'Pipeline' is not one of 'Command', 'Sweep'"),
        (#"{"command": "x"}"#, "properties.jobType: required field is missing"),
        (#"{"jobType": "Command", "command": "x"}"#, "properties.environmentId: required field is missing"),
        (
            #"{"jobType": "Command", "command": 5, "environmentId": "e"}"#,
            "properties.command: expected a string, found integer"
        ),
        (
            #"{"jobType": "Command", "command": "x", "environmentId": "e", "inputs": {"a": {"jobInputType": "literal"}}}"#,
            "properties.inputs.a.value: required field is missing"
        ),
        (
            #"{"jobType": "Command", "command": "x", "environmentId": "e", "inputs": {"a": {"jobInputType": "uri_file", "uri": "u", "mode": "mount"}}}"#,
            "properties.inputs.a.mode: 'mount' is not one of 'ReadOnlyMount', 'ReadWriteMount', 'Download', 'Direct', 'EvalMount', 'EvalDownload'"
        ),
        (
            #"{"jobType": "Command", "command": "x", "environmentId": "e", "limits": {"jobLimitsType": "Command", "timeout": "1h"}}"#,
            "properties.limits.timeout: '1h' is not an ISO 8601 duration"
        ),
        (
            #"{"jobType": "Command", "command": "x", "environmentId": "e", "tags": {"a": 1}}"#,
            "properties.tags.a: expected a string, found integer"
        ),
        (
            #"{"jobType": "Sweep", "trial": {"command": "c", "environmentId": "e"}, "searchSpace": {"a": ["uniform", 1]}, "samplingAlgorithm": {"samplingAlgorithmType": "Grid"}, "objective": {"goal": "minimize", "primaryMetric": "m"}, "limits": {"jobLimitsType": "Sweep", "maxTotalTrials": 2}}"#,
            #"properties.searchSpace.a: expected ["<distribution>", [arguments]], found ["uniform",1]"#
        ),
        (
            #"{"jobType": "Sweep", "trial": {"command": "c", "environmentId": "e"}, "searchSpace": {}, "samplingAlgorithm": {"samplingAlgorithmType": "Grid"}, "objective": {"goal": "minimize", "primaryMetric": "m"}, "limits": {"jobLimitsType": "Sweep"}}"#,
            "properties.limits.maxTotalTrials: required field is missing"
        ),
    ])
    func rejectsMalformedBodies(body: String, expected: String) throws {
        let json = try JSONValue(parsing: body)
        #expect(throws: AzureMLError.self) { try JobProperties(json: json) }
        do {
            _ = try JobProperties(json: json)
        } catch {
            #expect(error.description == expected)
            #expect(error.isMalformedInput)
        }
    }
}
