import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// http(s) inputs, served here by the workspace's own blob endpoint with a SAS: downloaded once, then reused.
@Suite struct DownloadCacheTests {
    /// Uploads `text` as `web/<name>` and returns its URL with a read SAS.
    static func publish(_ ws: TestWorkspace, _ name: String, _ text: String) async throws -> String {
        _ = try await ws.uploadData("web/" + name, text)
        let secrets = try await ws.arm(.POST, ws.workspacePath + "/datastores/workspaceblobstore/listSecrets")
        let sas = try #require(secrets.json["sasToken"]?.stringValue)
        return ws.server.url + "/blob/local/workspace-blobstore/web/" + name + "?" + sas
    }

    @Test func anURLIsDownloadedOnceAndReused() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let url = try await Self.publish(ws, "table.csv", "x,y\n1,2\n")
            for name in ["first", "second"] {
                try await ws.submit(
                    name, command: "cat ${{inputs.table}}; ls ${{inputs.folder}}",
                    extra: [
                        "inputs": [
                            "table": ["jobInputType": "uri_file", "uri": .string(url)],
                            "folder": ["jobInputType": "uri_folder", "uri": .string(url)],
                        ]
                    ])
                #expect(try await ws.wait(for: name)["properties"]?["status"] == "Completed", "\(ws.log(name))")
                #expect(ws.commandOutput(name) == ["x,y", "1,2", "table.csv"])
            }
            let shown = DownloadCache.redacted(url)
            #expect(shown == ws.server.url + "/blob/local/workspace-blobstore/web/table.csv?…")
            #expect(ws.log("first").contains("deploy: inputs.folder: downloading \(shown)\n"))
            #expect(ws.log("first").contains("deploy: inputs.table: using the cached download of \(shown)\n"))
            #expect(!ws.log("second").contains("downloading"))
            #expect(!ws.log("first").contains("sig="))
            let cache = ws.directory + "/cache/downloads"
            let folders = try FileManager.default.contentsOfDirectory(atPath: cache)
            #expect(folders.count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/" + folders[0]) == ["table.csv"])
        }
    }

    @Test func downloadsOverTheLimitOrFailingFailTheJob() async throws {
        var options = TestWorkspace.runnerOptions
        options.maxDownloadSize = 4
        try await TestWorkspace.with(options: options) { ws in
            let url = try await Self.publish(ws, "big.bin", "0123456789")
            try await ws.submit(
                "big", command: "true", extra: ["inputs": ["b": ["jobInputType": "uri_file", "uri": .string(url)]]])
            let big = try await ws.wait(for: "big")
            #expect(big["properties"]?["status"] == "Failed")
            #expect(
                TestWorkspace.property(big, "ErrorMessage")
                    == "inputs.b: cannot download \(DownloadCache.redacted(url)): it is 10 bytes, more than the limit of 4"
            )
            let missing = url.replacingOccurrences(of: "/big.bin?", with: "/none.bin?")
            try await ws.submit(
                "missing", command: "true",
                extra: ["inputs": ["m": ["jobInputType": "uri_file", "uri": .string(missing)]]])
            let failed = try await ws.wait(for: "missing")
            #expect(
                TestWorkspace.property(failed, "ErrorMessage")
                    == "inputs.m: cannot download \(DownloadCache.redacted(missing)): the server answered 404 Not Found"
            )
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/cache/downloads").allSatisfy {
                    try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/cache/downloads/" + $0).isEmpty
                })
        }
    }

    @Test(arguments: [
        ("https://example.com/data/iris.csv?sig=x", "iris.csv"),
        ("https://example.com/a%20b.csv", "download"),
        ("https://example.com/", "download"),
        ("https://example.com/.hidden", "download"),
    ])
    func fileNamesComeFromTheURL(_ url: String, _ name: String) {
        #expect(DownloadCache.fileName(of: url) == name)
    }
}
