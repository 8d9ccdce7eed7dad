import AzureML
import LocalWorkspace
import Testing

@Suite struct ParameterAssignmentTests {
    @Test func rendersValuesAsPythonStrDoes() {
        let assignment = ParameterAssignment([
            "lr": 0.1, "tiny": 1e-05, "whole": 3.0, "n": 7, "name": "gbdt", "flag": true, "off": false, "none": nil,
            "list": [1, 2.5, "x"],
            "model": ["kind": "dart", "depth": 4, "lr": 0.25, "inner": ["a": 1e-7]],
        ])
        #expect(assignment.commandValue(for: "lr") == "0.1")
        #expect(assignment.commandValue(for: "tiny") == "1e-05")
        #expect(assignment.commandValue(for: "whole") == "3.0")
        #expect(assignment.commandValue(for: "n") == "7")
        #expect(assignment.commandValue(for: "name") == "gbdt")
        #expect(assignment.commandValue(for: "flag") == "True")
        #expect(assignment.commandValue(for: "off") == "False")
        #expect(assignment.commandValue(for: "none") == "None")
        #expect(assignment.commandValue(for: "list") == #"[1,2.5,"x"]"#)
        #expect(assignment.commandValue(for: "model") == #"{"kind":"dart","depth":4,"lr":0.25,"inner":{"a":1e-07}}"#)
        #expect(assignment.commandValue(for: "missing") == nil)
    }

    @Test func reachesIntoChosenDictionariesWithDottedNames() {
        let assignment = ParameterAssignment([
            "model": ["lr": 0.5, "inner": ["depth": 3], "a.b": "dotted"]
        ])
        #expect(assignment.commandValue(for: "model.lr") == "0.5")
        #expect(assignment.commandValue(for: "model.inner.depth") == "3")
        #expect(assignment.commandValue(for: "model.a.b") == "dotted")
        #expect(assignment.commandValue(for: "model.nope") == nil)
        #expect(assignment.commandValue(for: "model.lr.x") == nil)
        #expect(assignment["model"]?["lr"] == 0.5)
        #expect(assignment.json == ["model": ["lr": 0.5, "inner": ["depth": 3], "a.b": "dotted"]])
    }
}
