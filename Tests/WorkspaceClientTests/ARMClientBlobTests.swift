import AzureML
import Crypto
import Foundation
import Testing
import WorkspaceClient

@Suite struct ARMClientBlobTests {
    @Test func sendsBytesWithTheSASVersionDateAndMD5() async throws {
        try await TestHTTPServer.run({ _ in TestResponse(status: 201) }) { server in
            let url = "\(server.url)/c/dir/a%20b.txt?sv=1&sig=s%2Bt"
            let response = try await withTestClient(testConfiguration(server.url)) { client in
                try await client.send(
                    BlobRequest(
                        method: "PUT", url: url, headers: [Header("x-ms-blob-type", "BlockBlob")],
                        body: .bytes(Array("hello world".utf8))))
            }
            #expect(response.status == 201)
            let request = try #require(server.requests.first)
            #expect(request.uri == "/c/dir/a%20b.txt?sv=1&sig=s%2Bt")
            #expect(request.header("x-ms-version") == "2026-10-06")
            #expect(request.header("x-ms-blob-type") == "BlockBlob")
            #expect(request.header("Content-MD5") == "XrY7u+Ae7tCTyyK7j1rNww==")
            #expect(request.header("Content-Length") == "11")
            #expect(request.header("Authorization") == nil)
            #expect(request.header("x-ms-correlation-request-id") == nil)
            let date = try #require(request.header("x-ms-date"))
            #expect(date.hasSuffix(" GMT") && date.count == 29)
            #expect(request.text == "hello world")
        }
    }

    @Test func streamsAFileRangeAndHashesItOnlyUpToTheLimit() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/data.bin"
            let bytes = patternBytes(1_300_000)
            try writeFile(path, bytes)
            try await TestHTTPServer.run({ _ in TestResponse(status: 201) }) { server in
                var configuration = testConfiguration(server.url)
                configuration.contentMD5Limit = 700_000
                try await withTestClient(configuration) { client in
                    for length in [600_000, 1_000_000] {
                        _ = try await client.send(
                            BlobRequest(
                                method: "PUT", url: "\(server.url)/c/f?sig=x",
                                body: .file(path: path, offset: 123_456, length: length)))
                    }
                }
                let requests = server.requests
                #expect(requests.map(\.body) == [600_000, 1_000_000].map { Array(bytes[123_456..<(123_456 + $0)]) })
                let small = Array(bytes[123_456..<723_456])
                #expect(requests[0].header("Content-MD5") == Data(Insecure.MD5.hash(data: small)).base64EncodedString())
                #expect(requests[1].header("Content-MD5") == nil)
            }
        }
    }

    @Test func aFileBodyIsResentOnRetry() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/f"
            try writeFile(path, patternBytes(300_000))
            let answers = Recorder<Int>()
            try await TestHTTPServer.run({ _ in
                answers.append(0)
                return answers.count == 1 ? FakeBlobService.error(503, "ServerBusy", "busy") : TestResponse(status: 201)
            }) { server in
                let response = try await withTestClient(testConfiguration(server.url)) { client in
                    try await client.send(
                        BlobRequest(
                            method: "PUT", url: "\(server.url)/c/f", body: .file(path: path, offset: 0, length: 300_000)
                        ))
                }
                #expect(response.status == 201)
                #expect(server.requests.map(\.body.count) == [300_000, 300_000])
            }
        }
    }

    @Test func signsWithTheAccountKeyWhatItSends() async throws {
        let key = SharedKeySignatureTests.key
        try await TestHTTPServer.run({ _ in TestResponse(status: 201) }) { server in
            _ = try await withTestClient(testConfiguration(server.url)) { client in
                try await client.send(
                    BlobRequest(
                        method: "PUT", url: "\(server.url)/devstoreaccount1/c/b?comp=block&blockid=QQ%3D%3D",
                        headers: [Header("x-ms-meta-a", "1")], body: .bytes(Array("abc".utf8)),
                        authorization: .sharedKey(account: "devstoreaccount1", key: key)))
            }
            let request = try #require(server.requests.first)
            let h = { (name: String) in request.header(name) ?? "" }
            let stringToSign =
                "PUT\n\n\n3\n\(h("Content-MD5"))\n\n\n\n\n\n\n\n"
                + "x-ms-client-request-id:\(h("x-ms-client-request-id"))\nx-ms-date:\(h("x-ms-date"))\n"
                + "x-ms-meta-a:1\nx-ms-version:2026-10-06\n/devstoreaccount1/devstoreaccount1/c/b\nblockid:QQ==\ncomp:block"
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data(stringToSign.utf8), using: SymmetricKey(data: Data(base64Encoded: key)!))
            #expect(h("Authorization") == "SharedKey devstoreaccount1:\(Data(mac).base64EncodedString())")
            #expect(h("Content-MD5") == "kAFQmDzST7DWlj99KOF/cg==")
        }
    }

    @Test func aMissingFileFailsBeforeAnythingIsSent() async throws {
        try await TestHTTPServer.run({ _ in TestResponse(status: 201) }) { server in
            await #expect(throws: WorkspaceClientError.io("/nonexistent/f", "cannot read the file to upload")) {
                try await withTestClient(testConfiguration(server.url)) { client in
                    try await client.send(
                        BlobRequest(
                            method: "PUT", url: "\(server.url)/c/f",
                            body: .file(path: "/nonexistent/f", offset: 0, length: 1)))
                }
            }
            #expect(server.requests.isEmpty)
        }
    }

    @Test func blobRequestsOverPlainHTTPStayOnLoopback() async throws {
        try await TestHTTPServer.run({ _ in TestResponse(status: 201) }) { server in
            await #expect(
                throws: WorkspaceClientError.insecureURL(
                    "http://storage.example/c/f?sig=REDACTED",
                    "refusing to send blob credentials over plain http to a host other than the loopback address")
            ) {
                try await withTestClient(testConfiguration(server.url)) { client in
                    try await client.send(BlobRequest(method: "HEAD", url: "http://storage.example/c/f?sig=secret"))
                }
            }
        }
    }
}
