import AzureML
import LocalWorkspace
import Testing

@Suite struct SearchSpaceTests {
    @Test func parsesEveryDistributionInOrder() throws {
        let space = try SearchSpace(
            wire: json(
                """
                {"c": ["choice", [[1, 2.5, "gbdt", true]]], "u": ["uniform", [0.01, 0.9]],
                 "lu": ["loguniform", [-6, -1]], "n": ["normal", [10, 3]], "ln": ["lognormal", [0, 1]],
                 "qu": ["quniform", [1, 10, 2]], "qlu": ["qloguniform", [0, 5, 10]],
                 "qn": ["qnormal", [0, 1, 0.5]], "qln": ["qlognormal", [1, 0.5, 1]], "ri": ["randint", [10]]}
                """))
        #expect(space.names == ["c", "u", "lu", "n", "ln", "qu", "qlu", "qn", "qln", "ri"])
        #expect(space["c"] == .choice([.value(1), .value(2.5), .value("gbdt"), .value(true)]))
        #expect(space["u"] == .uniform(min: 0.01, max: 0.9))
        #expect(space["lu"] == .logUniform(min: -6, max: -1))
        #expect(space["n"] == .normal(mu: 10, sigma: 3))
        #expect(space["ln"] == .logNormal(mu: 0, sigma: 1))
        #expect(space["qu"] == .qUniform(min: 1, max: 10, q: 2))
        #expect(space["qlu"] == .qLogUniform(min: 0, max: 5, q: 10))
        #expect(space["qn"] == .qNormal(mu: 0, sigma: 1, q: 0.5))
        #expect(space["qln"] == .qLogNormal(mu: 1, sigma: 0.5, q: 1))
        #expect(space["ri"] == .randint(upper: 10))
        #expect(space["missing"] == nil)
    }

    @Test func parsesNestedChoiceDictionariesRecursively() throws {
        let space = try SearchSpace(
            wire: json(
                """
                {"model": ["choice", [[
                    {"name": "a", "lr": ["uniform", [0, 1]], "depth": ["choice", [[{"k": 1}, 3]]]},
                    {"name": "b", "pair": ["x", [1]], "list": [1, 2]},
                    "plain"]]]}
                """))
        let nestedDepth = SearchSpace([SearchParameter("k", .fixed(1))])
        let first = SearchSpace([
            SearchParameter("name", .fixed("a")), SearchParameter("lr", .uniform(min: 0, max: 1)),
            SearchParameter("depth", .choice([.dictionary(nestedDepth), .value(3)])),
        ])
        // Arrays that do not name a distribution are literals.
        let second = SearchSpace([
            SearchParameter("name", .fixed("b")), SearchParameter("pair", .fixed(["x", [1]])),
            SearchParameter("list", .fixed([1, 2])),
        ])
        #expect(space["model"] == .choice([.dictionary(first), .dictionary(second), .value("plain")]))
    }

    @Test(arguments: [
        ("[]", "searchSpace: expected an object mapping parameter names to distributions, found array"),
        ("{}", "searchSpace: expected at least one parameter"),
        (#"{"1x": ["uniform", [0, 1]]}"#, "searchSpace.1x: parameter names must match ^[a-zA-Z_]+[a-zA-Z0-9_]*$"),
        (
            #"{"lr": {"type": "uniform"}}"#,
            #"searchSpace.lr: expected ["<type>", [arguments]], found {"type":"uniform"}"#
        ),
        (#"{"lr": ["uniform", 0, 1]}"#, #"searchSpace.lr: expected ["<type>", [arguments]], found ["uniform",0,1]"#),
        (
            #"{"lr": ["gauss", [0, 1]]}"#,
            "searchSpace.lr: unknown distribution 'gauss'; expected one of choice, uniform, loguniform, normal, "
                + "lognormal, quniform, qloguniform, qnormal, qlognormal, randint"
        ),
        (
            #"{"lr": ["uniform", [0.01]]}"#,
            "searchSpace.lr: uniform expects 2 arguments [min_value, max_value], found 1"
        ),
        (
            #"{"lr": ["uniform", [0.9, 0.01]]}"#,
            "searchSpace.lr: uniform min_value must be less than max_value, found 0.9 and 0.01"
        ),
        (#"{"lr": ["loguniform", [1, "5"]]}"#, "searchSpace.lr: loguniform max_value must be a number, found string"),
        (#"{"lr": ["normal", [0, 0]]}"#, "searchSpace.lr: normal sigma must be positive, found 0"),
        (#"{"lr": ["qnormal", [0, 1]]}"#, "searchSpace.lr: qnormal expects 3 arguments [mu, sigma, q], found 2"),
        (#"{"lr": ["quniform", [0, 1, -0.5]]}"#, "searchSpace.lr: quniform q must be positive, found -0.5"),
        (#"{"n": ["randint", [2.5]]}"#, "searchSpace.n: randint upper must be a positive integer, found 2.5"),
        (#"{"n": ["randint", [0]]}"#, "searchSpace.n: randint upper must be a positive integer, found 0"),
        (
            #"{"c": ["choice", [1, 2, 3]]}"#,
            #"searchSpace.c: choice expects its values nested one list deeper: ["choice", [[v1, v2, ...]]]"#
        ),
        (#"{"c": ["choice", [[]]]}"#, "searchSpace.c: choice needs at least one value"),
        (
            #"{"m": ["choice", [[{"a": 1}, {"lr": ["uniform", [1, 0]]}]]]}"#,
            "searchSpace.m.values[1].lr: uniform min_value must be less than max_value, found 1 and 0"
        ),
    ])
    func rejectsMalformedSpaces(text: String, expected: String) throws {
        let value = try json(text)
        #expect(errorText { _ = try SearchSpace(wire: value) } == expected)
    }

    @Test func errorsUseTheGivenPath() throws {
        let value = try json(#"{"lr": ["uniform", [1]]}"#)
        #expect(
            errorText { _ = try SearchSpace(wire: value, path: "properties.searchSpace") }
                == "properties.searchSpace.lr: uniform expects 2 arguments [min_value, max_value], found 1")
    }
}
