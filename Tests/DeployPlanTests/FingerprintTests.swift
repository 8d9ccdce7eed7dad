import AzureML
import DeployPlan
import Testing

@Suite struct FingerprintTests {
    static let body: JSONValue = [
        "properties": [
            "command": "echo",
            "properties": ["p": "1", "mlflow.source.git.commit": "abc", "azureml.git.dirty": "True"],
        ]
    ]

    @Test func theSpecHashIsTheCanonicalBodyWithoutProvenance() {
        let hash = Fingerprint.specHash(of: Self.body, kind: .job)
        #expect(hash == Digest.sha256(#"{"properties":{"command":"echo","properties":{"p":"1"}}}"#))
        let stamped = Fingerprint.stamped(Self.body, kind: .job, specHash: hash, source: "jobs/a.yml@abc")
        #expect(
            stamped["properties"]?["properties"] == [
                "p": "1", "mlflow.source.git.commit": "abc", "azureml.git.dirty": "True",
                "deploy.spec_hash": .string(hash),
                "deploy.source": "jobs/a.yml@abc",
            ])
        // Stamping, or another commit, does not change the hash.
        #expect(Fingerprint.specHash(of: stamped, kind: .job) == hash)
        let resource = ARMResource(id: "/j", name: "j", type: "t", properties: stamped["properties"]!.objectValue!)
        #expect(Fingerprint.specHash(of: resource, kind: .job) == hash)
    }

    @Test func computesCarryTheFingerprintInTheirTags() {
        let body: JSONValue = ["location": "local", "properties": ["computeType": "AmlCompute"]]
        let hash = Fingerprint.specHash(of: body, kind: .compute)
        let stamped = Fingerprint.stamped(body, kind: .compute, specHash: hash, source: "compute.yml")
        #expect(stamped["tags"] == ["deploy.spec_hash": .string(hash), "deploy.source": "compute.yml"])
        #expect(stamped["properties"] == ["computeType": "AmlCompute"])
        #expect(Fingerprint.specHash(of: stamped, kind: .compute) == hash)
        let resource = ARMResource(
            id: "/c", name: "c", type: "t", properties: [:], tags: ["deploy.spec_hash": hash])
        #expect(Fingerprint.specHash(of: resource, kind: .compute) == hash)
    }

    @Test func theSourceIsTheManifestAndTheCommit() {
        #expect(Fingerprint.source(manifest: "./manifests/job.yml", revision: "abc") == "manifests/job.yml@abc")
        #expect(Fingerprint.source(manifest: "manifests/job.yml", revision: nil) == "manifests/job.yml")
    }
}
