import AzureML
import Foundation
import Testing
import WorkspaceClient

@Suite struct BlobUploaderTests {
    /// Runs `body` with an uploader talking to a fake blob service, and a directory for files.
    private func withBlobService(
        _ service: FakeBlobService = FakeBlobService(),
        _ body: (BlobUploader, BlobURL, String, TestHTTPServer) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            try await TestHTTPServer.run({ service.handle($0) }) { server in
                try await withTestClient(testConfiguration(server.url)) { client in
                    try await body(
                        BlobUploader(service: client), BlobURL("\(server.url)/container?sv=1&sig=good"), directory,
                        server)
                }
            }
        }
    }

    @Test func aSmallFileGoesInOnePutBlobWithItsProperties() async throws {
        let service = FakeBlobService()
        try await withBlobService(service) { uploader, container, directory, server in
            let bytes = patternBytes(1000)
            try writeFile(directory + "/train.py", bytes)
            let progress = Recorder<Int>()
            let outcome = try await uploader.upload(
                file: directory + "/train.py", to: container.appending(blobName: "src/train.py"),
                contentType: "text/x-python", metadata: [("upload_status", "completed")],
                progress: { progress.append($0) })
            #expect(outcome == .uploaded(bytes: 1000, blocks: 0))
            #expect(progress.values == [1000])
            #expect(
                service.blobs["/container/src/train.py"]
                    == FakeBlobService.Blob(
                        bytes: bytes,
                        headers: ["x-ms-meta-upload_status": "completed", "x-ms-blob-content-type": "text/x-python"]))
            #expect(server.requests.map(\.method) == ["PUT"])
            #expect(server.requests[0].header("If-None-Match") == "*")
        }
    }

    @Test func anExistingBlobIsReportedAndKeptUnlessOverwriting() async throws {
        let service = FakeBlobService()
        service.store("/container/a.txt", Array("old".utf8))
        try await withBlobService(service) { uploader, container, directory, server in
            try writeFile(directory + "/a.txt", Array("new".utf8))
            let url = container.appending(blobName: "a.txt")
            let first = try await uploader.upload(file: directory + "/a.txt", to: url)
            #expect(first == .alreadyExists)
            #expect(service.blobs["/container/a.txt"]?.bytes == Array("old".utf8))
            let second = try await uploader.upload(file: directory + "/a.txt", to: url, overwrite: true)
            #expect(second == .uploaded(bytes: 3, blocks: 0))
            #expect(service.blobs["/container/a.txt"]?.bytes == Array("new".utf8))
            #expect(server.requests.map { $0.header("If-None-Match") } == ["*", nil])
        }
    }

    @Test func aLargeFileGoesInBlocksThenABlockList() async throws {
        let service = FakeBlobService(failingBlockPuts: 1)
        try await withBlobService(service) { uploader, container, directory, server in
            let bytes = patternBytes(9 << 20 + 12345, seed: 3)
            try writeFile(directory + "/big.bin", bytes)
            let progress = Recorder<Int>()
            let outcome = try await uploader.upload(
                file: directory + "/big.bin", to: container.appending(blobName: "data/big.bin"),
                progress: { progress.append($0) })
            #expect(outcome == .uploaded(bytes: bytes.count, blocks: 3))
            #expect(service.blobs["/container/data/big.bin"]?.bytes == bytes)
            #expect(service.maxBlockBytes == 4 << 20)
            #expect(progress.values.count == 3 && progress.values.last == bytes.count)
            #expect(progress.values == progress.values.sorted())
            let methods = server.requests.map { "\($0.method) \($0.parameter("comp") ?? "")" }
            #expect(methods.first == "HEAD ")
            #expect(methods.filter { $0 == "PUT block" }.count == 4)
            #expect(methods.last == "PUT blocklist")
            let list = try #require(server.requests.last)
            #expect(list.header("If-None-Match") == "*")
            #expect(list.text == BlobUploader.blockListXML((0..<3).map(BlobUploader.blockID)))
        }
    }

    @Test func aLargeBlobThatExistsIsNotSentAgain() async throws {
        let service = FakeBlobService()
        service.store("/container/big.bin", [1])
        try await withBlobService(service) {
            uploader, container, directory, server in
            try writeFile(directory + "/big.bin", patternBytes(5 << 20))
            let outcome = try await uploader.upload(
                file: directory + "/big.bin", to: container.appending(blobName: "big.bin"))
            #expect(outcome == .alreadyExists)
            #expect(server.requests.map(\.method) == ["HEAD"])
        }
    }

    @Test func refusalsAreReadableAndHideTheSAS() async throws {
        try await withBlobService { uploader, _, directory, server in
            try writeFile(directory + "/f.txt", Array("x".utf8))
            let url = BlobURL("\(server.url)/container/f.txt?sv=1&sig=bad")
            await #expect(
                throws: WorkspaceClientError.blobFailed(
                    "PUT \(server.url)/container/f.txt?sv=1&sig=REDACTED", status: 403, code: "AuthenticationFailed",
                    detail: "Server failed to authenticate the request.")
            ) { try await uploader.upload(file: directory + "/f.txt", to: url) }
            do {
                _ = try await uploader.upload(file: directory + "/f.txt", to: url)
            } catch let error as WorkspaceClientError {
                #expect(
                    error.description
                        == "PUT \(server.url)/container/f.txt?sv=1&sig=REDACTED: HTTP 403 AuthenticationFailed: "
                        + "Server failed to authenticate the request.")
            }
            await #expect(throws: WorkspaceClientError.io(directory + "/missing", "not a readable file")) {
                try await uploader.upload(file: directory + "/missing", to: url)
            }
        }
    }

    @Test func readsPropertiesAndMarksTheUploadCompleted() async throws {
        let service = FakeBlobService()
        try await withBlobService(service) { uploader, container, directory, server in
            try writeFile(directory + "/train.py", Array("print(1)".utf8))
            let url = container.appending(blobName: "src/train.py")
            let before = try await uploader.properties(of: url)
            #expect(before == nil)
            _ = try await uploader.upload(file: directory + "/train.py", to: url, metadata: [("keep", "no")])
            try await uploader.setMetadata(
                [("upload_status", "completed"), ("name", "code-1"), ("version", "1")], on: url)
            let after = try await uploader.properties(of: url)
            #expect(
                after
                    == BlobProperties(
                        contentLength: 8, metadata: ["upload_status": "completed", "name": "code-1", "version": "1"]))
            #expect(
                server.requests.map { "\($0.method) \($0.parameter("comp") ?? "")" } == [
                    "HEAD ", "PUT ", "PUT metadata", "HEAD ",
                ])
            await #expect(throws: WorkspaceClientError.self) {
                try await uploader.setMetadata([("a", "b")], on: container.appending(blobName: "missing"))
            }
        }
    }

    @Test func blockIDsHaveAFixedWidthAndBlocksGrowForHugeFiles() {
        #expect(BlobUploader.blockID(0) == "YmxvY2stMDAwMDAw")
        #expect(BlobUploader.blockID(49_999) == "YmxvY2stMDQ5OTk5")
        #expect(BlobUploader.blockSize(for: 10 << 20, preferred: 4 << 20) == 4 << 20)
        #expect(BlobUploader.blockSize(for: 300 << 30, preferred: 4 << 20) == 7 << 20)
        #expect(
            BlobUploader.blockListXML(["QQ==", "Qg=="])
                == "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>QQ==</Latest><Latest>Qg==</Latest>"
                + "</BlockList>")
    }
}
