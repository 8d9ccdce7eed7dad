import DeployManifest
import DeployYAML
import Testing

@Suite struct ManifestOverrideTests {
    static let sweep = """
        type: sweep
        trial:
          command: python train.py --lr ${{search_space.lr}} --x ${{inputs.x}}
          environment: azureml:env:1
          environment_variables: {A: a}
        inputs:
          x: {type: uri_file, path: https://example.com/x.csv}
        sampling_algorithm: random
        search_space: {lr: {type: choice, values: [1, 2]}}
        objective: {goal: minimize, primary_metric: loss}
        limits: {max_total_trials: 20}
        """

    @Test func parsesKeyPathsAndYAMLValues() throws {
        let override = try ManifestOverride("limits.max_total_trials=5")
        #expect(override.keyPath == "limits.max_total_trials")
        #expect(override.path.map(\.mark.description) == ["1:1", "1:8"])
        #expect(try override.value.resolvedScalar() == .int(5))
        #expect(override.value.start.description == "1:25")
        #expect(override.value.source == "--set")
        #expect(try ManifestOverride("inputs.lr=0.01").value.resolvedScalar() == .float(0.01))
        #expect(try ManifestOverride("tags.a=\"5\"").value.resolvedScalar() == .string("5"))
        #expect(try ManifestOverride("flag=true").value.resolvedScalar() == .bool(true))
        #expect(try ManifestOverride("description=").value.isNull)
        #expect(try ManifestOverride("command=echo a=b").value.resolvedScalar() == .string("echo a=b"))
        #expect(try ManifestOverride("resources.locations=[eastus, westus]").value.items?.count == 2)
    }

    @Test func rejectsMalformedArguments() {
        #expect(throws: ManifestError("--set limits: expected key.path=value")) { try ManifestOverride("limits") }
        #expect(throws: ManifestError("--set a..b=1: the key path has an empty segment")) {
            try ManifestOverride("a..b=1")
        }
        #expect(throws: ManifestError("--set =1: the key path has an empty segment")) { try ManifestOverride("=1") }
        #expect(throws: ManifestError.self) { try ManifestOverride("a=[1") }
    }

    @Test func appliesOverridesBeforeValidation() throws {
        let loaded = try TestFolder().load(
            ManifestOverrideTests.sweep,
            overrides: [
                "limits.max_total_trials=5", "inputs.lr=0.01", "trial.environment_variables.X=1",
                "environment_variables.FOO=bar", "search_space.lr.values.1=3", "search_space.lr.values.2=4",
            ])
        #expect(
            loaded.rendered == """
                --set:1:1: error: environment_variables: unknown key (applied to job.yml)
                environment_variables.FOO=bar
                ^
                """)
        let folder = try TestFolder()
        let sweep = try #require(
            try folder.load(
                ManifestOverrideTests.sweep,
                overrides: [
                    "limits.max_total_trials=5", "inputs.lr=0.01", "trial.environment_variables.X=1",
                    "search_space.lr.values.1=3",
                ]
            ).sweepJob)
        #expect(sweep.limits.value.maxTotalTrials.value == 5)
        #expect(sweep.limits.value.maxTotalTrials.file.name == "--set")
        guard case .literal(let lr)? = sweep.inputs["lr"]?.value,
            case .choice(let values)? = sweep.searchSpace["lr"]?.value
        else {
            Issue.record("expected a literal lr and a choice")
            return
        }
        #expect(lr.pythonString == "0.01")
        #expect(sweep.trial.value.environmentVariables.keys == ["A", "X"])
        #expect(sweep.trial.value.environmentVariables["X"]?.value == .int(1))
        #expect(values.count == 2)
        guard case .int(3) = values[1].value else {
            Issue.record("expected 3")
            return
        }
    }

    @Test func overrideProblemsPointAtTheArgument() throws {
        let loaded = try TestFolder().load(
            ManifestOverrideTests.sweep,
            overrides: ["limits.max_totl_trials=5", "limits.timeout=ten", "trial.environment.image=python"])
        #expect(
            loaded.rendered == """
                --set:1:8: error: limits.max_totl_trials: unknown key; did you mean `max_total_trials`? (applied to \
                job.yml)
                limits.max_totl_trials=5
                       ^
                --set:1:16: error: limits.timeout: expected an integer, found "ten" (applied to job.yml)
                limits.timeout=ten
                               ^
                --set:1:19: error: trial.environment.image: cannot set `image` inside a value given as a string \
                ("azureml:env:1") (applied to job.yml)
                trial.environment.image=python
                                  ^
                """)
        let index = try TestFolder().load(ManifestOverrideTests.sweep, overrides: ["search_space.lr.values.5=1"])
        #expect(
            index.rendered == """
                --set:1:24: error: search_space.lr.values.5: `5` is not an index of this sequence (0 to 2) (applied \
                to job.yml)
                search_space.lr.values.5=1
                                       ^
                """)
    }

    @Test func overridesCanChangeTheKind() throws {
        let loaded = try TestFolder().load(
            "command: echo\nenvironment: azureml:env:1\ntype: command\n", overrides: ["type=sweep"])
        #expect(loaded.kind == .sweep)
    }
}
