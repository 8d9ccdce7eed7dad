import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct BlobRoutesTests {
    /// A container SAS for the default datastore's container, from `listSecrets`.
    static func sas(_ ws: TestWorkspace) async throws -> String {
        let response = try await ws.arm(
            .POST, ws.workspacePath + "/datastores/workspaceblobstore/listSecrets", apiVersion: APIVersion.datastores)
        return try #require(response.json["sasToken"]?.stringValue)
    }

    static func url(_ ws: TestWorkspace, _ blob: String, _ query: String) -> String {
        ws.server.url + "/blob/local/workspace-blobstore/" + blob + "?" + query
    }

    @Test func putHeadGetAndMetadataRoundTrip() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let url = Self.url(ws, "src/main.py", sas)
            let content = Array("print('hello')\n".utf8)
            let md5 = "N2ED6EaByQ2vPsExvJHBGA=="
            let put = try await TestWorkspace.send(
                .PUT, url, body: content,
                headers: [
                    ("x-ms-blob-type", "BlockBlob"), ("If-None-Match", "*"), ("x-ms-meta-name", "n1"),
                    ("Content-Type", "text/x-python"),
                ])
            #expect(put.status == 201)
            #expect(put.header("ETag")?.hasPrefix("\"0x") == true)
            #expect(put.header("x-ms-request-id") != nil)
            let storedMD5 = try #require(put.header("Content-MD5"))
            _ = md5

            let head = try await TestWorkspace.send(.HEAD, url)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(content.count))
            #expect(head.header("x-ms-meta-name") == "n1")
            #expect(head.header("x-ms-blob-type") == "BlockBlob")
            #expect(head.header("Content-Type") == "text/x-python")
            #expect(head.header("Content-MD5") == storedMD5)
            #expect(head.body.isEmpty)

            let again = try await TestWorkspace.send(
                .PUT, url, body: content, headers: [("x-ms-blob-type", "BlockBlob"), ("If-None-Match", "*")])
            #expect(again.status == 409)
            #expect(again.header("x-ms-error-code") == "BlobAlreadyExists")
            #expect(again.text.contains("<Code>BlobAlreadyExists</Code>"))

            let metadata = try await TestWorkspace.send(
                .PUT, url + "&comp=metadata",
                headers: [
                    ("x-ms-meta-upload_status", "completed"), ("x-ms-meta-name", "n2"), ("x-ms-meta-version", "1"),
                ])
            #expect(metadata.status == 200)
            let after = try await TestWorkspace.send(.HEAD, url)
            #expect(after.header("x-ms-meta-upload_status") == "completed")
            #expect(after.header("x-ms-meta-name") == "n2")

            let get = try await TestWorkspace.send(.GET, url)
            #expect(get.status == 200)
            #expect(get.body == content)
            let range = try await TestWorkspace.send(.GET, url, headers: [("x-ms-range", "bytes=0-4")])
            #expect(range.status == 206)
            #expect(range.text == "print")
            #expect(range.header("Content-Range") == "bytes 0-4/\(content.count)")

            let overwrite = try await TestWorkspace.send(
                .PUT, url, body: Array("x".utf8), headers: [("x-ms-blob-type", "BlockBlob")])
            #expect(overwrite.status == 201)
            #expect(try await TestWorkspace.send(.GET, url).text == "x")
            let onDisk = try String(
                contentsOfFile: ws.directory + "/blobs/workspace-blobstore/src/main.py", encoding: .utf8)
            #expect(onDisk == "x")
        }
    }

    @Test func missingBlobsAndContainersAnswerStorageErrors() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let head = try await TestWorkspace.send(.HEAD, Self.url(ws, "missing.txt", sas))
            #expect(head.status == 404)
            #expect(head.header("x-ms-error-code") == "BlobNotFound")
            let get = try await TestWorkspace.send(.GET, Self.url(ws, "missing.txt", sas))
            #expect(get.status == 404)
            #expect(get.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code>"#))
            #expect(get.text.contains("<Message>The specified blob does not exist.\nRequestId:"))

            let upload = try await ws.arm(
                .POST, ws.workspacePath + "/codes/c/versions/1/startPendingUpload", apiVersion: APIVersion.codes)
            let pending = try PendingUpload(json: upload.json)
            let token = String(pending.sasUri.split(separator: "?")[1])
            // A SAS for one container does not open another.
            let other = try await TestWorkspace.send(
                .GET, ws.server.url + "/blob/local/workspace-blobstore/x?" + token)
            #expect(other.status == 403)
            #expect(other.header("x-ms-error-code") == "AuthenticationFailed")

            let noBlobType = try await TestWorkspace.send(.PUT, pending.blobUri + "/a?" + token, body: [1])
            #expect(noBlobType.status == 400)
            #expect(noBlobType.header("x-ms-error-code") == "MissingRequiredHeader")

            let badMD5 = try await TestWorkspace.send(
                .PUT, pending.blobUri + "/a?" + token, body: [1, 2, 3],
                headers: [("x-ms-blob-type", "BlockBlob"), ("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==")])
            #expect(badMD5.status == 400)
            #expect(badMD5.header("x-ms-error-code") == "Md5Mismatch")
            #expect(try await TestWorkspace.send(.HEAD, pending.blobUri + "/a?" + token).status == 404)
        }
    }

    @Test func sasTokensAreChecked() async throws {
        try await TestWorkspace.with { ws in
            let credentials = try WorkspaceCredentials.loadOrCreate(directory: ws.directory)
            let signer = SharedAccessSignature(key: credentials.sasKey)
            let container = LocalWorkspaceServer.defaultContainer
            let now = Timestamp.now()
            func status(_ method: HTTPMethod, _ blob: String, _ query: String) async throws -> Int {
                try await TestWorkspace.send(
                    method, Self.url(ws, blob, query), body: method == .PUT ? [1] : nil,
                    headers: [("x-ms-blob-type", "BlockBlob")]
                ).status
            }
            let write = signer.token(container: container, permissions: "cw", expiry: now + 60)
            #expect(try await status(.PUT, "a.txt", write) == 201)
            #expect(try await status(.GET, "a.txt", write) == 403)
            let read = signer.token(container: container, permissions: "r", expiry: now + 60)
            #expect(try await status(.GET, "a.txt", read) == 200)
            #expect(try await status(.PUT, "a.txt", read) == 403)
            #expect(try await status(.GET, "a.txt", "") == 403)
            let expired = signer.token(container: container, permissions: "r", expiry: now - 1)
            #expect(try await status(.GET, "a.txt", expired) == 403)
            let tampered = read.replacingOccurrences(of: "sp=r", with: "sp=rw")
            #expect(try await status(.PUT, "a.txt", tampered) == 403)
            let blobOnly = signer.token(container: container, blob: "a.txt", permissions: "r", expiry: now + 60)
            #expect(try await status(.GET, "a.txt", blobOnly) == 200)
            #expect(try await status(.GET, "b.txt", blobOnly) == 403)
            let otherKey = SharedAccessSignature(key: Array(repeating: 7, count: 32))
                .token(container: container, permissions: "r", expiry: now + 60)
            #expect(try await status(.GET, "a.txt", otherKey) == 403)
            let denied = try await TestWorkspace.send(.GET, Self.url(ws, "a.txt", expired))
            #expect(denied.text.contains("Reason: the signature expired at"))
        }
    }

    @Test func blockUploadsAssembleLargeBlobs() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let url = Self.url(ws, "big/data.bin", sas)
            let blockSize = 3 * 1024 * 1024
            let blocks = (0..<2).map { index in [UInt8](repeating: UInt8(65 + index), count: blockSize) }
            let ids = ["YmxvY2stMDAwMDA=", "YmxvY2stMDAwMDE="]
            for (id, block) in zip(ids, blocks) {
                let put = try await TestWorkspace.send(
                    .PUT, url + "&comp=block&blockid=" + id.replacingOccurrences(of: "=", with: "%3D"), body: block)
                #expect(put.status == 201)
            }
            #expect(try await TestWorkspace.send(.HEAD, url).status == 404)
            let list =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>"
                + ids.map { "<Latest>\($0)</Latest>" }.joined() + "</BlockList>"
            let commit = try await TestWorkspace.send(
                .PUT, url + "&comp=blocklist", body: Array(list.utf8),
                headers: [("x-ms-blob-content-type", "application/x-binary"), ("x-ms-meta-k", "v")])
            #expect(commit.status == 201)
            let head = try await TestWorkspace.send(.HEAD, url)
            #expect(head.header("Content-Length") == String(2 * blockSize))
            #expect(head.header("Content-Type") == "application/x-binary")
            #expect(head.header("x-ms-meta-k") == "v")
            let get = try await TestWorkspace.send(.GET, url)
            #expect(get.body == blocks[0] + blocks[1])

            let unknown = try await TestWorkspace.send(
                .PUT, Self.url(ws, "other.bin", sas) + "&comp=blocklist",
                body: Array("<BlockList><Latest>bm9wZQ==</Latest></BlockList>".utf8))
            #expect(unknown.status == 400)
            #expect(unknown.header("x-ms-error-code") == "InvalidBlockList")
            let malformed = try await TestWorkspace.send(
                .PUT, Self.url(ws, "other.bin", sas) + "&comp=blocklist", body: Array("<List/>".utf8))
            #expect(malformed.status == 400)
            #expect(malformed.header("x-ms-error-code") == "InvalidXmlDocument")
        }
    }

    @Test func listBlobsFiltersByPrefixFoldsDelimitersAndPages() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            for name in ["LocalUpload/h1/a.csv", "LocalUpload/h1/b.csv", "LocalUpload/h2/c.csv", "other/d.csv"] {
                let put = try await TestWorkspace.send(
                    .PUT, Self.url(ws, name, sas), body: [1, 2],
                    headers: [("x-ms-blob-type", "BlockBlob"), ("x-ms-meta-upload_status", "completed")])
                #expect(put.status == 201)
            }
            let base = ws.server.url + "/blob/local/workspace-blobstore?restype=container&comp=list&" + sas
            let prefixed = try await TestWorkspace.send(.GET, base + "&prefix=LocalUpload/h1/&include=metadata")
            #expect(prefixed.status == 200)
            #expect(prefixed.header("Content-Type") == "application/xml")
            #expect(prefixed.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><EnumerationResults "#))
            #expect(Self.names(prefixed.text) == ["LocalUpload/h1/a.csv", "LocalUpload/h1/b.csv"])
            #expect(prefixed.text.contains("<Content-Length>2</Content-Length>"))
            #expect(prefixed.text.contains("<Metadata><upload_status>completed</upload_status></Metadata>"))

            let folded = try await TestWorkspace.send(.GET, base + "&prefix=LocalUpload/&delimiter=/")
            #expect(folded.text.contains("<BlobPrefix><Name>LocalUpload/h1/</Name></BlobPrefix>"))
            #expect(folded.text.contains("<BlobPrefix><Name>LocalUpload/h2/</Name></BlobPrefix>"))
            #expect(Self.names(folded.text) == ["LocalUpload/h1/", "LocalUpload/h2/"])

            var marker = ""
            var all: [String] = []
            for _ in 0..<5 {
                let page = try await TestWorkspace.send(.GET, base + "&maxresults=3" + marker)
                all += Self.names(page.text)
                guard let next = Self.element("NextMarker", in: page.text) else { break }
                marker = "&marker=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            }
            #expect(all == ["LocalUpload/h1/a.csv", "LocalUpload/h1/b.csv", "LocalUpload/h2/c.csv", "other/d.csv"])

            let missing = try await TestWorkspace.send(
                .GET, ws.server.url + "/blob/local/nosuch?restype=container&comp=list&" + sas)
            #expect(missing.status == 403)
        }
    }

    @Test func traversalAttemptsAreRejected() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let port = RawHTTP.port(of: ws.server.url)
            let attempts = [
                "/blob/local/workspace-blobstore/../../credentials.json",
                "/blob/local/workspace-blobstore/a/%2e%2e/%2e%2e/%2e%2e/escape.txt",
                "/blob/local/workspace-blobstore/%2Fetc%2Fpasswd",
                "/blob/local/workspace-blobstore//absolute.txt",
                "/blob/local/workspace-blobstore/a%5C..%5Cb.txt",
                "/blob/local/workspace-blobstore/./x.txt",
                "/blob/local/..%2F..%2Fescape/x.txt",
            ]
            for path in attempts {
                let response = try await RawHTTP.exchange(
                    port: port,
                    request: "PUT \(path)?\(sas) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-ms-blob-type: BlockBlob\r\n"
                        + "Content-Length: 1\r\nConnection: close\r\n\r\nx")
                #expect(response.hasPrefix("HTTP/1.1 400"), "\(path): \(response)")
                #expect(response.contains("InvalidResourceName"), "\(path)")
            }
            #expect(!FileManager.default.fileExists(atPath: ws.directory + "/escape.txt"))
            #expect(!FileManager.default.fileExists(atPath: ws.directory + "/blobs/escape.txt"))
        }
    }

    @Test func concurrentCreatesOfOneBlobHaveOneWinner() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let url = Self.url(ws, "race/indicator.txt", sas)
            let statuses = try await withThrowingTaskGroup(of: (Int, UInt8).self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await TestWorkspace.send(
                            .PUT, url, body: [UInt8](repeating: UInt8(65 + index), count: 100_000),
                            headers: [("x-ms-blob-type", "BlockBlob"), ("If-None-Match", "*")])
                        return (response.status, UInt8(65 + index))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = statuses.filter { $0.0 == 201 }
            #expect(winners.count == 1)
            #expect(statuses.filter { $0.0 == 409 }.count == 7)
            let content = try await TestWorkspace.send(.GET, url).body
            #expect(content == [UInt8](repeating: winners.first?.1 ?? 0, count: 100_000))
            let staging = try FileManager.default.contentsOfDirectory(atPath: ws.directory + "/staging/uploads")
            #expect(staging.isEmpty)
        }
    }

    @Test func rangesAndMetadataOfMissingBlobs() async throws {
        try await TestWorkspace.with { ws in
            let sas = try await Self.sas(ws)
            let url = Self.url(ws, "r.txt", sas)
            _ = try await TestWorkspace.send(
                .PUT, url, body: Array("0123456789".utf8), headers: [("x-ms-blob-type", "BlockBlob")])
            let suffix = try await TestWorkspace.send(.GET, url, headers: [("Range", "bytes=-3")])
            #expect(suffix.status == 206)
            #expect(suffix.text == "789")
            let open = try await TestWorkspace.send(.GET, url, headers: [("Range", "bytes=8-")])
            #expect(open.text == "89")
            let outside = try await TestWorkspace.send(.GET, url, headers: [("x-ms-range", "bytes=20-30")])
            #expect(outside.status == 416)
            #expect(outside.header("x-ms-error-code") == "InvalidRange")
            let metadata = try await TestWorkspace.send(
                .PUT, Self.url(ws, "none.txt", sas) + "&comp=metadata", headers: [("x-ms-meta-a", "b")])
            #expect(metadata.status == 404)
            #expect(metadata.header("x-ms-error-code") == "BlobNotFound")
            let properties = try await TestWorkspace.send(
                .HEAD, ws.server.url + "/blob/local/workspace-blobstore?restype=container&" + sas)
            #expect(properties.status == 200)
            #expect(properties.header("ETag") != nil)
        }
    }

    static func names(_ xml: String) -> [String] {
        xml.components(separatedBy: "<Name>").dropFirst().compactMap { $0.components(separatedBy: "</Name>").first }
    }

    static func element(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name)>"), let end = xml.range(of: "</\(name)>") else { return nil }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}
