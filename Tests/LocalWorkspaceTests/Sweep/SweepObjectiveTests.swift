import AzureML
import LocalWorkspace
import Testing

@Suite struct SweepObjectiveTests {
    @Test func parsesWireInAnyCase() throws {
        #expect(
            try SweepObjective(wire: json(#"{"goal": "Maximize", "primaryMetric": "acc"}"#))
                == SweepObjective(goal: .maximize, primaryMetric: "acc"))
        #expect(
            try SweepObjective(wire: json(#"{"goal": "minimize", "primaryMetric": "loss"}"#))
                == SweepObjective(goal: .minimize, primaryMetric: "loss"))
    }

    @Test(arguments: [
        ("[]", "objective: expected an object, found array"),
        (#"{"primaryMetric": "acc"}"#, "objective.goal: expected 'minimize' or 'maximize'"),
        (
            #"{"goal": "best", "primaryMetric": "acc"}"#,
            "objective.goal: expected 'minimize' or 'maximize', found 'best'"
        ),
        (#"{"goal": "maximize", "primaryMetric": ""}"#, "objective.primaryMetric: expected the name of a metric"),
    ])
    func rejectsMalformedWire(text: String, expected: String) throws {
        let value = try json(text)
        #expect(errorText { _ = try SweepObjective(wire: value) } == expected)
    }

    @Test func goalsCompareInTheirDirection() {
        #expect(ObjectiveGoal.maximize.isBetter(2, than: 1))
        #expect(!ObjectiveGoal.maximize.isBetter(1, than: 1))
        #expect(ObjectiveGoal.minimize.isBetter(1, than: 2))
        #expect(ObjectiveGoal.minimize.best(3, 2) == 2)
        #expect(ObjectiveGoal.maximize.best(3, 2) == 3)
    }
}
