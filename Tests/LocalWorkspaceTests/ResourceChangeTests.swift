import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct ResourceChangeTests {
    @Test func emptyContainersNullsAndDefaultsDoNotCountAsChanges() throws {
        let stored: JSONObject = ["image": "i", "tags": [:], "isAnonymous": false, "inferenceConfig": ["a": [:]]]
        let incoming: JSONObject = ["image": "i", "inferenceConfig": nil]
        #expect(
            try ResourceChange.decide(kind: .environment, name: "e", version: "1", existing: stored, incoming: incoming)
                == .update(["image": "i", "isAnonymous": false, "inferenceConfig": ["a": [:]]]))
        #expect(
            try ResourceChange.decide(kind: .environment, name: "e", version: "1", existing: stored, incoming: stored)
                == .unchanged)
    }

    @Test func mutableMembersAreReplacedAndServerMembersIgnored() throws {
        let stored: JSONObject = ["dataType": "uri_file", "dataUri": "u", "tags": ["a": "1"], "description": "x"]
        let incoming: JSONObject = [
            "dataType": "uri_file", "dataUri": "u", "tags": ["b": "2"], "provisioningState": "Failed",
        ]
        #expect(
            try ResourceChange.decide(kind: .data, name: "d", version: "1", existing: stored, incoming: incoming)
                == .update(["dataType": "uri_file", "dataUri": "u", "tags": ["b": "2"]]))
    }

    @Test func createOnlyChangesAreConflictsWithAzuresWording() {
        #expect(
            throws: ARMError.conflict(
                "Environment e with version 1 is already registered and cannot be changed.", target: "image")
        ) {
            try ResourceChange.decide(
                kind: .environment, name: "e", version: "1", existing: ["image": "a"], incoming: ["image": "b"])
        }
        #expect(throws: ARMError.conflict("Asset paths cannot be updated.", target: "codeUri")) {
            try ResourceChange.decide(
                kind: .code, name: "c", version: "1", existing: ["codeUri": "a"], incoming: ["codeUri": "b"])
        }
        #expect(
            throws: ARMError.conflict(
                "Data d with version 1 is already registered and cannot be changed (dataType differ).",
                target: "dataType")
        ) {
            try ResourceChange.decide(
                kind: .data, name: "d", version: "1", existing: ["dataType": "uri_file", "dataUri": "u"],
                incoming: ["dataType": "uri_folder", "dataUri": "u"])
        }
    }

    @Test func jobPropertiesAreAddOnly() throws {
        let stored: JSONObject = ["jobType": "Command", "command": "c", "properties": ["a": "1"], "status": "Running"]
        #expect(
            try ResourceChange.decide(
                kind: .job, name: "j", version: nil, existing: stored,
                incoming: ["jobType": "Command", "command": "c", "properties": ["b": "2"]])
                == .update(["jobType": "Command", "command": "c", "properties": ["a": "1", "b": "2"]]))
        #expect(
            try ResourceChange.decide(
                kind: .job, name: "j", version: nil, existing: stored,
                incoming: ["jobType": "Command", "command": "c", "properties": ["a": "1"]]) == .unchanged)
        #expect(
            throws: ARMError.conflict(
                "The job property 'a' already has the value '1' and cannot be changed; job properties can only be "
                    + "added.",
                target: "properties.a")
        ) {
            try ResourceChange.decide(
                kind: .job, name: "j", version: nil, existing: stored,
                incoming: ["jobType": "Command", "command": "c", "properties": ["a": "2"]])
        }
    }
}
