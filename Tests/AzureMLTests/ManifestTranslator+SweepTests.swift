import AzureML
import DeployManifest
import Testing

/// Sweep jobs: search space, sampling, early termination, limits and what the sweep takes from its trial.
@Suite struct ManifestTranslatorSweepTests {
    static let header = """
        $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
        type: sweep
        trial:
          command: python train.py --a ${{search_space.a}}
          environment: azureml:myenv:7

        """
    static let required = """
        objective: {goal: maximize, primary_metric: acc}
        limits: {max_total_trials: 20}

        """
    let ws = ManifestFixture.ws

    func properties(_ yaml: String, sampling: String = "sampling_algorithm: random\n") throws -> JSONValue {
        try ManifestFixture().properties(
            Self.header + Self.required + sampling
                + (yaml.contains("search_space") ? "" : "search_space: {a: {type: choice, values: [1, 2]}}\n")
                + yaml)
    }

    /// A sweep setting most fields: the SDK's body (azureml-rest.md §2.6).
    @Test func sweepWithEveryField() throws {
        let fixture = try ManifestFixture()
        let resources = try fixture.resources(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
            type: sweep
            display_name: sweep-all-1
            experiment_name: t2
            compute: azureml:cpu-cluster
            trial:
              command: python train.py --a ${{search_space.a}}
              environment: azureml:myenv:7
              environment_variables: {X: "1"}
              distribution: {type: pytorch, process_count_per_instance: 2}
              resources: {instance_count: 1}
            sampling_algorithm: {type: random, rule: sobol, seed: 42}
            search_space:
              c1: {type: choice, values: [1, 2, 3]}
              u: {type: uniform, min_value: 0.1, max_value: 1}
              ri: {type: randint, upper: 10}
              a: {type: choice, values: [x]}
            objective: {goal: maximize, primary_metric: acc}
            limits: {max_total_trials: 20, max_concurrent_trials: 4, timeout: 7200, trial_timeout: 600}
            early_termination: {type: bandit, slack_factor: 0.1, evaluation_interval: 2, delay_evaluation: 5}
            inputs:
              d: {type: uri_folder, path: azureml:iris:1}
            outputs:
              out: {type: uri_folder}
            identity: {type: managed}
            queue_settings: {job_tier: spot}
            """)
        let job = try #require(resources.last)
        #expect(job.apiVersion == "2024-01-01-preview")
        let expected: JSONValue = [
            "properties": [
                "jobType": "Sweep", "isArchived": false, "displayName": "sweep-all-1", "experimentName": "t2",
                "tags": [:], "properties": [:], "computeId": .string("\(ws)/computes/cpu-cluster"),
                "samplingAlgorithm": ["samplingAlgorithmType": "Random", "rule": "sobol", "seed": 42],
                "searchSpace": [
                    "c1": ["choice", [[1, 2, 3]]], "u": ["uniform", [0.1, 1]], "ri": ["randint", [10]],
                    "a": ["choice", [["x"]]],
                ],
                "objective": ["goal": "maximize", "primaryMetric": "acc"],
                "limits": [
                    "jobLimitsType": "Sweep", "maxTotalTrials": 20, "maxConcurrentTrials": 4, "timeout": "PT2H",
                    "trialTimeout": "PT10M",
                ],
                "earlyTermination": [
                    "policyType": "Bandit", "slackFactor": 0.1, "slackAmount": 0, "evaluationInterval": 2,
                    "delayEvaluation": 5,
                ],
                "trial": [
                    "command": "python train.py --a ${{search_space.a}}",
                    "environmentId": .string("\(ws)/environments/myenv/versions/7"),
                    "environmentVariables": ["X": "1"],
                    "distribution": ["distributionType": "PyTorch", "processCountPerInstance": 2],
                    "resources": ["instanceCount": 1, "properties": [:]],
                ],
                "resources": ["instanceCount": 1, "properties": [:]],
                "inputs": ["d": ["jobInputType": "uri_folder", "uri": .string("\(ws)/data/iris/versions/1")]],
                "outputs": ["out": ["jobOutputType": "uri_folder"]],
                "identity": ["identityType": "Managed"], "queueSettings": ["jobTier": "Spot"],
            ]
        ]
        let body = job.resolved([:]).body
        #expect(body.serialized(.canonical) == expected.serialized(.canonical))
    }

    @Test func searchSpaceEncodesEveryDistribution() throws {
        let space = try properties(
            """
            search_space:
              a: {type: choice, values: [1, 2.5, three]}
              b: {type: uniform, min_value: 0, max_value: 1}
              c: {type: loguniform, min_value: -4, max_value: -1}
              d: {type: quniform, min_value: 1, max_value: 10, q: 2}
              e: {type: qloguniform, min_value: 1, max_value: 3, q: 1}
              f: {type: normal, mu: 0.5, sigma: 0.1}
              g: {type: lognormal, mu: 0, sigma: 1}
              h: {type: qnormal, mu: 5, sigma: 2, q: 1}
              i: {type: qlognormal, mu: 1, sigma: 0.5, q: 1}
              j: {type: randint, upper: 5}
            """)["searchSpace"]
        let expected: JSONValue = [
            "a": ["choice", [[1, 2.5, "three"]]], "b": ["uniform", [0, 1]], "c": ["loguniform", [-4, -1]],
            "d": ["quniform", [1, 10, 2]], "e": ["qloguniform", [1, 3, 1]], "f": ["normal", [0.5, 0.1]],
            "g": ["lognormal", [0, 1]], "h": ["qnormal", [5, 2, 1]], "i": ["qlognormal", [1, 0.5, 1]],
            "j": ["randint", [5]],
        ]
        #expect(space?.serialized(.canonical) == expected.serialized(.canonical))
    }

    @Test func nestedChoicesAreEncodedRecursively() throws {
        let space = try properties(
            """
            search_space:
              a:
                type: choice
                values:
                  - {model: svm, c: {type: uniform, min_value: 0, max_value: 1}}
                  - {model: tree, depth: {type: choice, values: [2, 4]}}
                  - {model: none}
            """)["searchSpace"]
        let expected: JSONValue = [
            "a": [
                "choice",
                [
                    [
                        ["model": "svm", "c": ["uniform", [0, 1]]], ["model": "tree", "depth": ["choice", [[2, 4]]]],
                        ["model": "none"],
                    ]
                ],
            ]
        ]
        #expect(space?.serialized(.canonical) == expected.serialized(.canonical))
    }

    @Test(arguments: [
        ("sampling_algorithm: grid\n", #"{"samplingAlgorithmType":"Grid"}"#),
        ("sampling_algorithm: Bayesian\n", #"{"samplingAlgorithmType":"Bayesian"}"#),
        ("sampling_algorithm: {type: random}\n", #"{"samplingAlgorithmType":"Random"}"#),
        (
            "sampling_algorithm: {type: random, logbase: e, rule: random}\n",
            #"{"logbase":"e","rule":"random","samplingAlgorithmType":"Random"}"#
        ),
        ("sampling_algorithm: {type: random, logbase: 10}\n", #"{"logbase":10,"samplingAlgorithmType":"Random"}"#),
    ])
    func samplingAlgorithms(_ yaml: String, _ expected: String) throws {
        let sampling = try properties("", sampling: yaml)["samplingAlgorithm"]
        #expect(sampling?.serialized(.canonical) == expected)
    }

    @Test(arguments: [
        (
            "{type: bandit}",
            #"{"delayEvaluation":0,"evaluationInterval":0,"policyType":"Bandit","slackAmount":0,"slackFactor":0}"#
        ),
        (
            "{type: bandit, slack_amount: 0.2}",
            #"{"delayEvaluation":0,"evaluationInterval":0,"policyType":"Bandit","slackAmount":0.2,"slackFactor":0}"#
        ),
        (
            "{type: bandit, slack_factor: 1, slack_amount: null}",
            #"{"delayEvaluation":0,"evaluationInterval":0,"policyType":"Bandit","slackFactor":1.0}"#
        ),
        ("{type: median_stopping}", #"{"delayEvaluation":0,"evaluationInterval":1,"policyType":"MedianStopping"}"#),
        (
            "{type: median_stopping, evaluation_interval: null, delay_evaluation: 3}",
            #"{"delayEvaluation":3,"policyType":"MedianStopping"}"#
        ),
        (
            "{type: truncation_selection, truncation_percentage: 20}",
            #"{"delayEvaluation":0,"evaluationInterval":0,"policyType":"TruncationSelection","truncationPercentage":20}"#
        ),
    ])
    func earlyTerminationDefaults(_ policy: String, _ expected: String) throws {
        let termination = try properties("early_termination: \(policy)\n")["earlyTermination"]
        #expect(termination?.serialized(.canonical) == expected)
    }

    @Test func sweepResourcesWinOverTheTrials() throws {
        let fixture = try ManifestFixture()
        let yaml = """
            $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
            type: sweep
            trial:
              command: python train.py --a ${{search_space.a}}
              environment: azureml:myenv:7
              resources: {instance_count: 1}
            resources: {instance_count: 3}
            sampling_algorithm: grid
            search_space: {a: {type: choice, values: [1]}}
            objective: {goal: minimize, primary_metric: loss}
            limits: {max_total_trials: 1}
            """
        let properties = try fixture.properties(yaml)
        #expect(properties["resources"] == ["instanceCount": 3, "properties": [:]])
        #expect(properties["trial"]?["resources"] == ["instanceCount": 1, "properties": [:]])
    }

    @Test func sweepsSendNoServicesNorTopLevelEnvironmentVariables() throws {
        let fixture = try ManifestFixture()
        let yaml =
            Self.header + Self.required + """
                sampling_algorithm: random
                search_space: {a: {type: randint, upper: 3}}
                services: {s: {type: vs_code}}
                """
        let properties = try fixture.properties(yaml)
        #expect(properties["services"] == nil)
        #expect(properties["environmentVariables"] == nil)
        #expect(properties["inputs"] == [:])
        #expect(properties["outputs"] == [:])
        #expect(
            try fixture.diagnostics(yaml) == [
                """
                job.yml:10:12: warning: services: not sent for sweep jobs (the SDK leaves them out)
                services: {s: {type: vs_code}}
                           ^
                """
            ])
    }
}
