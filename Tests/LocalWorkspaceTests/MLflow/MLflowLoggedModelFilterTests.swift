import Testing

@testable import LocalWorkspace

@Suite struct MLflowLoggedModelFilterTests {
    typealias Clause = MLflowLoggedModelFilter.Clause

    @Test(
        arguments: [
            ("", []),
            ("  ", []),
            ("name = 'outdir'", [Clause(column: "name", isEqual: true, value: "outdir")]),
            (
                "attributes.name='m' and `source_run_id` != \"r 1\"",
                [
                    Clause(column: "name", isEqual: true, value: "m"),
                    Clause(column: "sourceRunID", isEqual: false, value: "r 1"),
                ]
            ),
            (
                "STATUS = 'LOGGED_MODEL_READY' AND model_type = ''",
                [
                    Clause(column: "status", isEqual: true, value: "LOGGED_MODEL_READY"),
                    Clause(column: "modelType", isEqual: true, value: ""),
                ]
            ),
        ] as [(String, [Clause])])
    func parses(_ text: String, _ clauses: [Clause]) throws {
        #expect(try MLflowLoggedModelFilter(parsing: text).clauses == clauses)
    }

    @Test(arguments: [
        "name LIKE 'a%'", "metrics.acc > 0.5", "name = 'a' OR name = 'b'", "name = 'a' AND", "name = 'open",
        "name = 3", "tags.x = 'y'", "name ! 'a'", "(name = 'a')",
    ])
    func refusesWhatItCannotEvaluate(_ text: String) {
        let error = #expect(throws: MLflowError.self) { try MLflowLoggedModelFilter(parsing: text) }
        #expect(
            error?.message
                == "Unsupported logged model filter \"\(text)\": the local workspace accepts comparisons of name, "
                + "model_id, source_run_id, status or model_type with a quoted string (= or !=), joined by AND.")
    }

    @Test func rendersSQL() throws {
        let filter = try MLflowLoggedModelFilter(parsing: "name = 'a' AND status != 'x'")
        #expect(filter.sql?.condition == "name IS ? AND status IS NOT ?")
        #expect(filter.sql?.arguments == ["a", "x"])
        #expect(MLflowLoggedModelFilter().sql == nil)
    }
}
