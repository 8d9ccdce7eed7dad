import AzureML
import Testing

@Suite struct BodyTemplateTests {
    let container = Placeholder.pendingUploadContainer(codeName: "c", version: "1")
    let latest = Placeholder.latestVersion(kind: .data, name: "iris")

    var template: BodyTemplate {
        BodyTemplate(
            json: ["properties": ["codeUri": "<pending-upload-container>/src", "isAnonymous": true]],
            slots: [
                .init(
                    path: ["properties", "codeUri"],
                    value: TemplateString([.placeholder(container), .text("/src")]))
            ])
    }

    @Test func templateStringsRenderAndResolve() {
        let text = TemplateString([.text("/data/iris/versions/"), .placeholder(latest)])
        #expect(text.description == "/data/iris/versions/<latest>")
        #expect(text.resolved([latest: "3"]) == "/data/iris/versions/3")
        #expect(text.placeholders == [latest])
        #expect((TemplateString(stringLiteral: "a") + "b").description == "ab")
    }

    @Test func resolvingSubstitutesSlotsAndKeepsTheRest() {
        #expect(template.placeholders == [container])
        #expect(!template.isResolved(by: [:]))
        #expect(template.isResolved(by: [container: "https://acct/tmp"]))
        #expect(
            template.resolved([container: "https://acct/tmp"])
                == ["properties": ["codeUri": "https://acct/tmp/src", "isAnonymous": true]])
        #expect(template.resolved([:]) == template.json)
    }

    @Test func jsonSlotsReplaceOrRemoveTheirMember() {
        let paths = Placeholder.mltablePaths(uri: "azureml://datastores/d/paths/t")
        let template = BodyTemplate(
            json: ["properties": ["dataType": "mltable", "referencedUris": "<paths of the MLTable file>"]],
            slots: [
                .init(
                    path: ["properties", "referencedUris"], value: TemplateString([.placeholder(paths)]), isJSON: true)
            ])
        #expect(
            template.resolved([paths: #"["a", "b"]"#]) == [
                "properties": ["dataType": "mltable", "referencedUris": ["a", "b"]]
            ])
        #expect(template.resolved([paths: "null"]) == ["properties": ["dataType": "mltable"]])
        #expect(template.resolved([:]) == template.json)
    }

    @Test func placeholdersRenderReadably() {
        #expect(container.description == "<pending-upload-container>")
        #expect(Placeholder.datastoreContainer("workspaceblobstore").description == "<datastore workspaceblobstore>")
        #expect(latest.description == "<latest>")
        #expect(Placeholder.workspaceLocation.description == "<workspace location>")
        #expect(Placeholder.codeVersionID(contentHash: "0123456789abcdef").description == "<code 0123456789ab>")
        #expect(
            Placeholder.datastoreContainer("d").explanation
                == "the blob container URL of datastore d (https://<account>.blob.core.windows.net/<container>)")
    }
}
