import DeployManifest
import DeployYAML
import Testing

@Suite struct SweepJobTests {
    static let header = """
        $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
        type: sweep
        trial:
          command: python train.py --lr ${{search_space.lr}}
          environment: azureml:AzureML-lightgbm-3.3@latest
        objective: {goal: maximize, primary_metric: acc}
        limits: {max_total_trials: 4}

        """

    @Test func loadsEveryField() throws {
        let folder = try TestFolder(["src/main.py": ""])
        let loaded = try folder.load(
            """
            type: sweep
            name: s
            trial:
              code: src
              command: >-
                python main.py --a ${{search_space.a}} --d ${{inputs.d}} --out ${{outputs.out}}
              environment:
                image: python:3.11
              environment_variables: {X: "1"}
              distribution: {type: pytorch, process_count_per_instance: 2}
              resources: {instance_count: 1}
              queue_settings: {job_tier: spot}
            compute: azureml:cpu-cluster
            inputs:
              d: {type: uri_folder, path: azureml:iris:1}
            outputs:
              out:
            sampling_algorithm:
              type: random
              rule: sobol
              seed: 42
              logbase: e
            search_space:
              a: {type: choice, values: [1, 2.5, three]}
            objective:
              goal: Maximize
              primary_metric: acc
            limits:
              max_total_trials: 20
              max_concurrent_trials: 4
              timeout: 7200
              trial_timeout: 600
            early_termination:
              type: bandit
              slack_factor: 0.1
              evaluation_interval: 2
              delay_evaluation: null
            identity: {type: managed}
            queue_settings: {job_tier: Spot, priority: low}
            resources: {instance_count: 1}
            """)
        #expect(loaded.rendered == "")
        let sweep = try #require(loaded.sweepJob)
        #expect(sweep.metadata.name?.value == "s")
        #expect(sweep.trial.value.command.value.hasPrefix("python main.py --a ${{search_space.a}}"))
        #expect(sweep.trial.value.code?.value.localPath?.absolute == folder.path + "/src")
        #expect(sweep.trial.value.environmentVariables["X"]?.value == .string("1"))
        #expect(sweep.trial.value.queueSettings?.value.jobTier?.value == .spot)
        #expect(sweep.samplingAlgorithm.value.type.value == .random)
        #expect(sweep.samplingAlgorithm.value.rule?.value == .sobol)
        #expect(sweep.samplingAlgorithm.value.seed?.value == 42)
        #expect(sweep.samplingAlgorithm.value.logbase?.value == .string("e"))
        #expect(!sweep.samplingAlgorithm.value.isShorthand)
        #expect(sweep.objective.value.goal.value == .maximize)
        #expect(sweep.limits.value.maxTotalTrials.value == 20)
        #expect(sweep.limits.value.maxConcurrentTrials?.value == 4)
        #expect(sweep.limits.value.timeout?.value == 7200)
        #expect(sweep.limits.value.trialTimeout?.value == 600)
        guard case .bandit(let factor, let amount, let interval, let delay)? = sweep.earlyTermination?.value else {
            Issue.record("expected bandit")
            return
        }
        #expect(factor?.value == 0.1)
        #expect(amount == nil)
        #expect(interval?.value == 2)
        #expect(delay == nil)
        #expect(sweep.earlyTermination?.value.typeName == "bandit")
        guard case .choice(let values)? = sweep.searchSpace["a"]?.value else {
            Issue.record("expected a choice")
            return
        }
        let rendered = values.map { value -> String in
            switch value.value {
            case .int(let number): return "int \(number)"
            case .float(let number): return "float \(number)"
            case .string(let text): return "string \(text)"
            case .parameters: return "parameters"
            }
        }
        #expect(rendered == ["int 1", "float 2.5", "string three"])
        #expect(sweep.inputs.keys == ["d"])
        #expect(sweep.outputs.keys == ["out"])
        #expect(sweep.metadata.compute?.value == "azureml:cpu-cluster")
        #expect(sweep.queueSettings?.value.priority?.value == .low)
        #expect(sweep.resources?.value.instanceCount?.value == 1)
    }

    @Test func allTenDistributionsAndNestedChoices() throws {
        let loaded = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: random
                search_space:
                  lr: {type: choice, values: [{a: 1, b: {type: uniform, min_value: 0, max_value: 1}}, {a: 2.0, c: x}]}
                  u: {type: uniform, min_value: 0.1, max_value: 1}
                  lu: {type: loguniform, min_value: -4.6, max_value: -0.7}
                  qu: {type: quniform, min_value: 1, max_value: 10, q: 2}
                  qlu: {type: qloguniform, min_value: 1, max_value: 3, q: 1}
                  n: {type: normal, mu: 0, sigma: 1.5}
                  ln: {type: lognormal, mu: 1, sigma: 2}
                  qn: {type: qnormal, mu: 0, sigma: 1, q: 0.5}
                  qln: {type: qlognormal, mu: 0, sigma: 1, q: 2}
                  r: {type: randint, upper: 10}
                  nested: {type: choice, values: [{inner: {type: choice, values: [1, {deep: {type: randint, upper: 3}}]}}]}
                """)
        #expect(loaded.rendered == "")
        let sweep = try #require(loaded.sweepJob)
        #expect(sweep.samplingAlgorithm.value.isShorthand)
        #expect(
            sweep.searchSpace.map(\.value.value.kind) == [
                .choice, .uniform, .logUniform, .qUniform, .qLogUniform, .normal, .logNormal, .qNormal, .qLogNormal,
                .randint, .choice,
            ])
        guard case .uniform(let low, let high)? = sweep.searchSpace["u"]?.value,
            case .logUniform(let exponentLow, _)? = sweep.searchSpace["lu"]?.value,
            case .qNormal(_, _, let q)? = sweep.searchSpace["qn"]?.value,
            case .randint(let upper)? = sweep.searchSpace["r"]?.value
        else {
            Issue.record("unexpected distributions")
            return
        }
        #expect(low.value == .float(0.1))
        #expect(high.value == .int(1))
        #expect(high.value.pythonRepr == "1")
        #expect(exponentLow.value.pythonRepr == "-4.6")
        #expect(q.value == .float(0.5))
        #expect(upper.value == 10)
        guard case .choice(let values)? = sweep.searchSpace["lr"]?.value,
            case .parameters(let first) = values[0].value,
            case .distribution(.uniform(let min, _))? = first["b"]?.value,
            case .parameters(let second) = values[1].value,
            case .float(let two)? = second["a"]?.value
        else {
            Issue.record("expected nested parameters")
            return
        }
        #expect(min.value == .int(0))
        #expect(min.mark.description == "10:68")
        #expect(two == 2.0)
        #expect(sweep.searchSpace["lr"]?.node["type"]?.scalar?.text == "choice")
    }

    @Test func reportsSearchSpaceProblems() throws {
        let loaded = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: random
                search_space:
                  lr: {type: uniform, min_value: low}
                  bad-name: {type: randint, upper: 1.5}
                  c: {type: choice, values: [a, true, null]}
                  d: {type: gaussian}
                  e: {type: normal, mu: 0, sigma: 1, q: 1}
                  f: {type: choice, values: [{x: {type: beta}}]}
                """)
        #expect(
            loaded.rendered == """
                job.yml:10:3: error: search_space.lr: missing required key `max_value`
                  lr: {type: uniform, min_value: low}
                  ^
                job.yml:10:34: error: search_space.lr.min_value: expected a number, found "low"
                  lr: {type: uniform, min_value: low}
                                                 ^
                job.yml:11:3: error: search_space.bad-name: invalid name "bad-name"; names start with a letter or an \
                underscore and contain only letters, digits and underscores
                  bad-name: {type: randint, upper: 1.5}
                  ^
                job.yml:11:36: error: search_space.bad-name.upper: expected an integer, found 1.5
                  bad-name: {type: randint, upper: 1.5}
                                                   ^
                job.yml:12:33: error: search_space.c.values[1]: expected a number, a string or a mapping, found true
                  c: {type: choice, values: [a, true, null]}
                                                ^
                job.yml:12:39: error: search_space.c.values[2]: expected a number, a string or a mapping, found null
                  c: {type: choice, values: [a, true, null]}
                                                      ^
                job.yml:13:13: error: search_space.d.type: expected one of "choice", "uniform", "loguniform", \
                "quniform", "qloguniform", "normal", "lognormal", "qnormal", "qlognormal", "randint", found "gaussian"
                  d: {type: gaussian}
                            ^
                job.yml:14:38: error: search_space.e.q: unknown key
                  e: {type: normal, mu: 0, sigma: 1, q: 1}
                                                     ^
                job.yml:15:41: error: search_space.f.values[0].x.type: expected one of "choice", "uniform", \
                "loguniform", "quniform", "qloguniform", "normal", "lognormal", "qnormal", "qlognormal", "randint", \
                found "beta"
                  f: {type: choice, values: [{x: {type: beta}}]}
                                                        ^
                """)
    }

    @Test func gridSamplingTakesOnlyChoice() throws {
        let loaded = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: {type: grid}
                search_space:
                  lr: {type: uniform, min_value: 0.01, max_value: 0.1}
                  b: {type: choice, values: [{x: {type: randint, upper: 3}}, 1]}
                """)
        #expect(
            loaded.rendered == """
                job.yml:10:14: error: search_space.lr: grid sampling supports only choice, found uniform
                  lr: {type: uniform, min_value: 0.01, max_value: 0.1}
                             ^
                job.yml:11:41: error: search_space.b.values[0].x: grid sampling supports only choice, found randint
                  b: {type: choice, values: [{x: {type: randint, upper: 3}}, 1]}
                                                        ^
                """)
    }

    @Test func bayesianSamplingRestrictions() throws {
        let loaded = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: bayesian
                search_space:
                  lr: {type: uniform, min_value: 0.01, max_value: 0.1}
                  q: {type: quniform, min_value: 1, max_value: 9, q: 1}
                  n: {type: normal, mu: 0, sigma: 1}
                early_termination: {type: median_stopping, evaluation_interval: 1}
                """)
        #expect(
            loaded.rendered == """
                job.yml:12:13: error: search_space.n: bayesian sampling supports only choice, uniform and quniform, \
                found normal
                  n: {type: normal, mu: 0, sigma: 1}
                            ^
                job.yml:13:1: error: early_termination: bayesian sampling does not support early termination; remove \
                it or use random sampling
                early_termination: {type: median_stopping, evaluation_interval: 1}
                ^
                """)
    }

    @Test func samplingAlgorithmForms() throws {
        let loaded = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: {type: grid, seed: 1, rul: random}
                search_space:
                  lr: {type: choice, values: [1]}
                """)
        #expect(
            loaded.rendered == """
                job.yml:8:34: error: sampling_algorithm.seed: unknown key; `seed` is only valid for random sampling
                sampling_algorithm: {type: grid, seed: 1, rul: random}
                                                 ^
                job.yml:8:43: error: sampling_algorithm.rul: unknown key
                sampling_algorithm: {type: grid, seed: 1, rul: random}
                                                          ^
                """)
        let wrong = try TestFolder().load(
            SweepJobTests.header + """
                sampling_algorithm: sobol
                search_space:
                  lr: {type: choice, values: [1]}
                """)
        #expect(
            wrong.rendered == """
                job.yml:8:21: error: sampling_algorithm: expected one of "random", "grid", "bayesian", found "sobol"
                sampling_algorithm: sobol
                                    ^
                """)
    }

    @Test func earlyTerminationPolicies() throws {
        let folder = try TestFolder()
        let truncation = try folder.load(
            SweepJobTests.header + """
                sampling_algorithm: random
                search_space: {lr: {type: choice, values: [1]}}
                early_termination: {type: truncation_selection, truncation_percentage: 20, delay_evaluation: 5}
                """)
        guard
            case .truncationSelection(let percentage, let interval, let delay)? =
                truncation.sweepJob?.earlyTermination?.value
        else {
            Issue.record("expected truncation selection")
            return
        }
        #expect(percentage.value == 20)
        #expect(interval == nil)
        #expect(delay?.value == 5)
        let median = try folder.load(
            SweepJobTests.header + """
                sampling_algorithm: random
                search_space: {lr: {type: choice, values: [1]}}
                early_termination: {type: MedianStopping, slack_factor: 0.2}
                """)
        #expect(
            median.rendered == """
                job.yml:10:43: error: early_termination.slack_factor: unknown key; `slack_factor` is only valid for \
                `type: bandit`
                early_termination: {type: MedianStopping, slack_factor: 0.2}
                                                          ^
                """)
        let missing = try folder.load(
            SweepJobTests.header + """
                sampling_algorithm: random
                search_space: {lr: {type: choice, values: [1]}}
                early_termination: {type: truncation_selection}
                """)
        #expect(
            missing.rendered == """
                job.yml:10:1: error: early_termination: missing required key `truncation_percentage`
                early_termination: {type: truncation_selection}
                ^
                """)
    }

    @Test func trialKeysThatBelongToTheSweep() throws {
        let loaded = try TestFolder().load(
            """
            type: sweep
            trial:
              command: python train.py --lr ${{search_space.rate}} --x ${{inputs.x}}
              environment: azureml:env:1
              compute: cpu
              limits: {timeout: 5}
            sampling_algorithm: random
            search_space: {lr: {type: choice, values: [1]}}
            objective: {goal: minimize}
            limits: {max_concurrent_trials: 2}
            parent_job_name: p
            """)
        #expect(
            loaded.rendered == """
                job.yml:3:33: error: trial.command: `${{search_space.rate}}` names no search-space parameter (`lr`)
                  command: python train.py --lr ${{search_space.rate}} --x ${{inputs.x}}
                                                ^
                job.yml:3:60: error: trial.command: `${{inputs.x}}` names no input (there are none)
                  command: python train.py --lr ${{search_space.rate}} --x ${{inputs.x}}
                                                                           ^
                job.yml:5:3: error: trial.compute: unknown key; `compute` belongs at the sweep's top level, not in \
                `trial`
                  compute: cpu
                  ^
                job.yml:6:3: error: trial.limits: unknown key; `limits` belongs at the sweep's top level, not in `trial`
                  limits: {timeout: 5}
                  ^
                job.yml:9:1: error: objective: missing required key `primary_metric`
                objective: {goal: minimize}
                ^
                job.yml:10:1: error: limits: missing required key `max_total_trials`
                limits: {max_concurrent_trials: 2}
                ^
                job.yml:11:1: error: parent_job_name: unknown key; `parent_job_name` is only valid in command jobs
                parent_job_name: p
                ^
                """)
    }
}
