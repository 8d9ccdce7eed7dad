import AzureML
import Testing

@Suite struct DesiredResourceTests {
    func job(_ name: DesiredResource.Name) -> DesiredResource {
        let code = Placeholder.codeVersionID(contentHash: "abc")
        return DesiredResource(
            kind: .job, name: name, version: nil, apiVersion: "2025-01-01-preview",
            body: BodyTemplate(
                json: ["properties": ["command": "ls", "codeId": "<code abc>", "jobType": "Command"]],
                slots: [.init(path: ["properties", "codeId"], value: TemplateString([.placeholder(code)]))]),
            origin: .manifest, source: SourceLocation(file: "job.yml", line: 1, column: 1))
    }

    @Test func fixedNamesKeepTheBody() {
        let resource = job(.fixed("train"))
        let (name, body) = resource.resolved([.codeVersionID(contentHash: "abc"): "/x/codes/c/versions/1"])
        #expect(name == "train")
        #expect(body == ["properties": ["command": "ls", "codeId": "/x/codes/c/versions/1", "jobType": "Command"]])
        #expect(resource.id == ResourceID(kind: .job, name: "train"))
    }

    @Test func generatedNamesComeFromTheResolvedBodyAndBecomeTheDisplayNameFirst() throws {
        let naming = JobNaming(slug: "exp", displayNameIsName: true, excludedProperties: [])
        let resource = job(.generated(naming))
        #expect(resource.id == nil)
        let values = [Placeholder.codeVersionID(contentHash: "abc"): "/x/codes/c/versions/1"]
        let (name, body) = resource.resolved(values)
        #expect(name == naming.name(for: resource.body.resolved(values)))
        #expect(body["properties"]?.objectValue?.keys == ["displayName", "command", "codeId", "jobType"])
        #expect(body["properties"]?["displayName"] == .string(name))
        let (otherName, _) = resource.resolved([.codeVersionID(contentHash: "abc"): "/x/codes/d/versions/1"])
        #expect(otherName != name)
    }

    @Test func versionlessAssetsHaveNoIdYet() {
        let data = DesiredResource(
            kind: .data, name: .fixed("iris"), version: nil, apiVersion: "v", body: BodyTemplate(json: [:]),
            origin: .manifest, source: SourceLocation(file: "d.yml", line: 1, column: 1))
        #expect(data.id == nil)
        #expect(data.displayName == "iris")
    }
}
