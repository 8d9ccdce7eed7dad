import AzureML
import DeployPlan
import Testing

@Suite struct ReadOutcomeTests {
    static let job = StateRead(path: "/jobs/j", apiVersion: APIVersion.jobs, shape: .resource, kind: .job)

    @Test func fingerprintsIgnoreWhatTheServiceChangesOnItsOwn() {
        let running = ARMResource(
            id: "/j", name: "j", type: "t", properties: ["command": "echo", "status": "Running"],
            systemData: SystemData(
                createdAt: "a", createdBy: nil, createdByType: nil, lastModifiedAt: "b", lastModifiedBy: nil,
                lastModifiedByType: nil))
        var completed = running
        completed.properties["status"] = "Completed"
        completed.systemData = nil
        var changed = running
        changed.properties["command"] = "ls"
        let digest = ReadOutcome.found(running).fingerprint(for: Self.job)
        #expect(digest == Digest.sha256(#"{"properties":{"command":"echo"}}"#))
        #expect(ReadOutcome.found(completed).fingerprint(for: Self.job) == digest)
        #expect(ReadOutcome.found(changed).fingerprint(for: Self.job) != digest)
        #expect(ReadOutcome.absent.fingerprint(for: Self.job) == "absent")
        #expect(ReadOutcome.failed("boom").fingerprint(for: Self.job) == nil)
    }

    @Test func listsAreFingerprintedByTheIdsTheyReturn() {
        let read = StateRead(path: "/codes/x/versions", apiVersion: APIVersion.codes, shape: .list, kind: .code)
        let item = ARMResource(id: "/codes/a/versions/1", name: "1", type: "t", properties: ["x": 1])
        #expect(ReadOutcome.list([item]).fingerprint(for: read) == Digest.sha256("/codes/a/versions/1"))
        #expect(ReadOutcome.list([]).fingerprint(for: read) == Digest.sha256(""))
    }

    @Test func containersKeepTheirLatestVersion() {
        let read = StateRead(path: "/data/d", apiVersion: APIVersion.data, shape: .container, kind: .data)
        let container = ARMResource(
            id: "/data/d", name: "d", type: "t",
            properties: ["latestVersion": "3", "nextVersion": "4", "provisioningState": "Succeeded"])
        #expect(
            ReadOutcome.found(container).fingerprint(for: read)
                == Digest.sha256(#"{"properties":{"latestVersion":"3","nextVersion":"4"}}"#))
    }
}
