import AzureML
import DeployManifest
import Foundation
import Testing

@Suite struct DryRunTests {
    static let job = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        code: src
        command: ls ${{inputs.d}} ${{inputs.l}}
        environment:
          image: python
        inputs:
          d: {type: uri_folder, path: data}
          l: {type: uri_folder, path: azureml:iris@latest}

        """
    let ws = ManifestFixture.ws

    func signatures(_ requests: [RenderedRequest]) -> [String] {
        requests.map { request in
            switch request.content {
            case .arm(let arm):
                let query = arm.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
                return "\(arm.method) \(arm.path.replacingOccurrences(of: ws, with: "{WS}"))"
                    + (query.isEmpty ? "" : "?" + query)
            case .upload(let upload, let already): return "UPLOAD \(upload.prefix)" + (already ? " (already)" : "")
            case .download(let read): return "DOWNLOAD \(read.url)"
            }
        }
    }

    @Test func jobSequenceForAnEmptyWorkspace() throws {
        let fixture = try ManifestFixture(files: ["src/a.py": "a\n", "data/x.csv": "1\n"])
        let desired = try fixture.translate(Self.job)
        let requests = DryRun(workspace: ManifestFixture.workspace).requests(for: [desired])
        let hash = try ContentHash.of(path: fixture.folder.path("src"))
        let code = AnonymousCode.name(contentHash: hash)
        let environment = AnonymousEnvironment.version(image: "python")
        let dataHash = try ObjectHash.of(path: fixture.folder.path("data"))
        let job = try #require(desired.primary).resolved([
            .codeVersionID(contentHash: hash): "\(ws)/codes/\(code)/versions/1"
        ]).name
        #expect(
            signatures(requests) == [
                "GET {WS}/codes/\(code)/versions?hash=\(hash)&hashVersion=202208",
                "POST {WS}/codes/\(code)/versions/1/startPendingUpload", "UPLOAD src",
                "PUT {WS}/codes/\(code)/versions/1",
                "PUT {WS}/environments/CliV2AnonymousEnvironment/versions/\(environment)",
                "GET {WS}/datastores/workspaceblobstore", "POST {WS}/datastores/workspaceblobstore/listSecrets",
                "UPLOAD LocalUpload/\(dataHash)/data", "GET {WS}/data/iris", "GET {WS}/data/iris/versions/<latest>",
                "PUT {WS}/jobs/\(job)",
            ])
        guard case .arm(let put) = requests.last?.content else { return }
        #expect(put.apiVersion == "2025-01-01-preview")
        #expect(put.body?["properties"]?["codeId"] == .string("\(ws)/codes/\(code)/versions/1"))
        #expect(put.body?["properties"]?["displayName"] == .string(job))
        #expect(requests[7].source.line == 7)
        #expect(requests[8].source.line == 8)
    }

    @Test func existingCodeIsFoundAndNotUploaded() throws {
        let fixture = try ManifestFixture(files: ["src/a.py": "a\n", "data/x.csv": "1\n"])
        let desired = try fixture.translate(Self.job)
        let hash = try ContentHash.of(path: fixture.folder.path("src"))
        let existing = ResourceID(kind: .code, name: "existing", version: "4")
        let requests = DryRun(
            workspace: ManifestFixture.workspace, knownValues: [.latestVersion(kind: .data, name: "iris"): "9"],
            existingCode: [hash: existing]
        ).requests(for: [desired])
        let signatures = signatures(requests)
        #expect(signatures[1] == "GET {WS}/codes/existing/versions/4")
        #expect(signatures.contains("GET {WS}/data/iris/versions/9"))
        #expect(!signatures.contains { $0.hasPrefix("UPLOAD src") })
        guard case .arm(let put) = requests.last?.content else { return }
        #expect(put.body?["properties"]?["codeId"] == .string("\(ws)/codes/existing/versions/4"))
        #expect(
            put.body?["properties"]?["inputs"]?["l"]?["uri"] == .string("\(ws)/data/iris/versions/9"))
    }

    @Test func versionlessAssetsReadTheirContainerAndRepeatsAreFound() throws {
        let fixture = try ManifestFixture(files: ["a.csv": "1\n", "ctx/Dockerfile": "FROM x\n"])
        let data = try fixture.translate(
            "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: d\ntype: uri_file\n"
                + "path: a.csv\n", name: "data.yml")
        let environment = try fixture.translate(
            "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: e\n"
                + "build: {path: ctx}\n", name: "env.yml")
        let requests = DryRun(workspace: ManifestFixture.workspace).requests(for: [data, environment, data])
        let fileHash = try ObjectHash.of(path: fixture.folder.path("a.csv"))
        let contextHash = try ObjectHash.of(path: fixture.folder.path("ctx"))
        #expect(
            signatures(requests) == [
                "GET {WS}/datastores/workspaceblobstore", "POST {WS}/datastores/workspaceblobstore/listSecrets",
                "UPLOAD LocalUpload/\(fileHash)/a.csv", "GET {WS}/data/d", "PUT {WS}/data/d/versions/1",
                "GET {WS}/environments/e", "GET {WS}/datastores/workspaceblobstore",
                "POST {WS}/datastores/workspaceblobstore/listSecrets", "UPLOAD LocalUpload/\(contextHash)/ctx",
                "PUT {WS}/environments/e/versions/1",
                "GET {WS}/datastores/workspaceblobstore", "POST {WS}/datastores/workspaceblobstore/listSecrets",
                "UPLOAD LocalUpload/\(fileHash)/a.csv (already)", "GET {WS}/data/d", "PUT {WS}/data/d/versions/2",
            ])
    }

    @Test func remoteMLTablesAreDownloadedThroughTheirDatastore() throws {
        let fixture = try ManifestFixture()
        let data = try fixture.translate(
            "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: t\ntype: mltable\n"
                + "path: azureml://datastores/blobs/paths/tables/t1\n", name: "data.yml")
        #expect(
            signatures(DryRun(workspace: ManifestFixture.workspace).requests(for: [data])) == [
                "GET {WS}/datastores/blobs", "POST {WS}/datastores/blobs/listSecrets",
                "DOWNLOAD <datastore blobs>/tables/t1/MLTable", "GET {WS}/data/t", "PUT {WS}/data/t/versions/1",
            ])
    }

    @Test func environmentLabelsListTheNewestVersionAndComputesReadTheWorkspace() throws {
        let fixture = try ManifestFixture()
        let job = try fixture.translate(
            "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\nname: j\ncommand: ls\n"
                + "environment: azureml:e@latest\n")
        let compute = try fixture.translate(
            "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\ntype: amlcompute\nname: c\n",
            name: "compute.yml")
        #expect(
            signatures(DryRun(workspace: ManifestFixture.workspace).requests(for: [compute, job])) == [
                "GET {WS}", "PUT {WS}/computes/c",
                "GET {WS}/environments/e/versions?$orderBy=createdtime desc&$top=1", "PUT {WS}/jobs/j",
            ])
    }
}
