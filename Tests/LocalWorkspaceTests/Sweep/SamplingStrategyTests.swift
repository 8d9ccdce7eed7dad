import AzureML
import LocalWorkspace
import Testing

@Suite struct SamplingAlgorithmTests {
    @Test(arguments: [
        (
            #"{"samplingAlgorithmType": "Random", "rule": "sobol", "seed": 42}"#,
            SamplingStrategy.random(rule: .sobol, seed: 42, logBase: nil)
        ),
        (#"{"samplingAlgorithmType": "random", "rule": "Sobol"}"#, .random(rule: .sobol, seed: nil, logBase: nil)),
        (#"{"samplingAlgorithmType": "RANDOM"}"#, .random(rule: .random, seed: nil, logBase: nil)),
        (
            #"{"samplingAlgorithmType": "Random", "rule": null, "logbase": "10"}"#,
            .random(rule: .random, seed: nil, logBase: 10)
        ),
        (#"{"samplingAlgorithmType": "Random", "logbase": "e"}"#, .random(rule: .random, seed: nil, logBase: nil)),
        (#"{"samplingAlgorithmType": "Random", "logbase": 2}"#, .random(rule: .random, seed: nil, logBase: 2)),
        (#"{"samplingAlgorithmType": "Grid"}"#, .grid),
        (#"{"samplingAlgorithmType": "bayesian"}"#, .bayesian),
    ])
    func parsesWire(text: String, expected: SamplingStrategy) throws {
        #expect(try SamplingStrategy(wire: json(text)) == expected)
    }

    @Test(arguments: [
        (#""random""#, "samplingAlgorithm: expected an object, found string"),
        ("{}", "samplingAlgorithm.samplingAlgorithmType: expected 'Random', 'Grid' or 'Bayesian'"),
        (
            #"{"samplingAlgorithmType": "Hyperband"}"#,
            "samplingAlgorithm.samplingAlgorithmType: expected 'Random', 'Grid' or 'Bayesian', found 'Hyperband'"
        ),
        (
            #"{"samplingAlgorithmType": "Random", "rule": "halton"}"#,
            #"samplingAlgorithm.rule: expected 'random' or 'sobol', found "halton""#
        ),
        (
            #"{"samplingAlgorithmType": "Random", "seed": 4.5}"#,
            "samplingAlgorithm.seed: expected an integer, found 4.5"
        ),
        (
            #"{"samplingAlgorithmType": "Random", "logbase": "one"}"#,
            #"samplingAlgorithm.logbase: expected a positive number other than 1 or "e", found "one""#
        ),
        (
            #"{"samplingAlgorithmType": "Random", "logbase": 1}"#,
            #"samplingAlgorithm.logbase: expected a positive number other than 1 or "e", found 1"#
        ),
    ])
    func rejectsMalformedWire(text: String, expected: String) throws {
        let value = try json(text)
        #expect(errorText { _ = try SamplingStrategy(wire: value) } == expected)
    }

    @Test func gridAcceptsOnlyChoices() throws {
        let choices = try SearchSpace(
            wire: json(#"{"a": ["choice", [[1, 2]]], "m": ["choice", [[{"k": ["choice", [[1, 2]]], "f": 3}]]]}"#))
        try SamplingStrategy.grid.validate(choices)
        let mixed = try SearchSpace(wire: json(#"{"a": ["choice", [[1, 2]]], "lr": ["uniform", [0, 1]]}"#))
        #expect(
            errorText { try SamplingStrategy.grid.validate(mixed) }
                == "searchSpace.lr: grid sampling supports only choice distributions, found uniform")
        let nested = try SearchSpace(wire: json(#"{"m": ["choice", [[1, {"k": ["randint", [3]]}]]]}"#))
        #expect(
            errorText { try SamplingStrategy.grid.validate(nested) }
                == "searchSpace.m.values[1].k: grid sampling supports only choice distributions, found randint")
    }

    @Test func bayesianAcceptsChoiceUniformQuniformAndNoPolicy() throws {
        let accepted = try SearchSpace(
            wire: json(#"{"a": ["choice", [[1, 2]]], "u": ["uniform", [0, 1]], "q": ["quniform", [0, 10, 1]]}"#))
        try SamplingStrategy.bayesian.validate(accepted)
        let logScale = try SearchSpace(wire: json(#"{"lr": ["loguniform", [-6, -1]]}"#))
        #expect(
            errorText { try SamplingStrategy.bayesian.validate(logScale) }
                == "searchSpace.lr: Bayesian sampling supports only choice, quniform, uniform distributions, "
                + "found loguniform")
        let policy = TerminationPolicy(rule: .medianStopping)
        #expect(
            errorText { try SamplingStrategy.bayesian.validate(accepted, earlyTermination: policy) }
                == "earlyTermination: Bayesian sampling does not support early termination policies")
        try SamplingStrategy.random(rule: .random, seed: nil, logBase: nil).validate(
            logScale, earlyTermination: policy)
    }
}
