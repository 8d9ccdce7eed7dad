import AzureML
import Testing
import WorkspaceClient

/// Vectors built by hand from the "Authorize with Shared Key" description (Blob service, 2015-02-21 and later);
/// the signatures were computed with Python's `hmac` and `hashlib` under the storage emulator's published key.
@Suite struct SharedKeySignatureTests {
    static let account = "devstoreaccount1"
    static let key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

    @Test func signsAPutBlockWithStandardHeadersMetadataAndQuery() throws {
        let url =
            "https://devstoreaccount1.blob.core.windows.net/mycontainer/dir/my%20blob.txt"
            + "?timeout=30&comp=block&blockid=QUJD"
        let headers = [
            Header("x-ms-version", "2026-10-06"), Header("X-MS-Date", "Sun, 11 Oct 2009 21:49:13 GMT"),
            Header("x-ms-blob-type", "BlockBlob"), Header("Content-Length", "11"),
            Header("Content-MD5", "sQqNsWTgdUEFt6mb5y4/5Q=="), Header("Content-Type", "text/plain; charset=UTF-8"),
            Header("If-None-Match", "*"), Header("x-ms-meta-Name", "  a \t  b "), Header("User-Agent", "ignored"),
        ]
        let expected =
            "PUT\n\n\n11\nsQqNsWTgdUEFt6mb5y4/5Q==\ntext/plain; charset=UTF-8\n\n\n\n*\n\n\n"
            + "x-ms-blob-type:BlockBlob\nx-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-meta-name:a b\n"
            + "x-ms-version:2026-10-06\n/devstoreaccount1/mycontainer/dir/my%20blob.txt\nblockid:QUJD\ncomp:block\n"
            + "timeout:30"
        #expect(
            SharedKeySignature.stringToSign(method: "PUT", url: url, headers: headers, account: Self.account)
                == expected)
        #expect(
            try SharedKeySignature.authorization(
                method: "PUT", url: url, headers: headers, account: Self.account, key: Self.key)
                == "SharedKey devstoreaccount1:humdCjZT1XgnL4tml4PocXmh8rY1yJM2wSdc1a4mrKA=")
    }

    @Test func signsTheDocumentationsContainerMetadataExample() throws {
        let url = "https://devstoreaccount1.blob.core.windows.net/mycontainer?restype=container&comp=metadata"
        let headers = [
            Header("x-ms-date", "Sun, 11 Oct 2009 21:49:13 GMT"), Header("x-ms-version", "2009-09-19"),
            Header("Date", "ignored when x-ms-date is present"), Header("Content-Length", "0"),
        ]
        #expect(
            SharedKeySignature.stringToSign(method: "GET", url: url, headers: headers, account: Self.account)
                == "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2009-09-19\n"
                + "/devstoreaccount1/mycontainer\ncomp:metadata\nrestype:container")
        #expect(
            try SharedKeySignature.authorization(
                method: "GET", url: url, headers: headers, account: Self.account, key: Self.key)
                == "SharedKey devstoreaccount1:8rAEr/Xfrj53eN/HcFmtum1CtcQeoOy/QO0SxcMuFa4=")
    }

    @Test func decodesQueryValuesAndJoinsRepeatedNames() {
        let url = "http://127.0.0.1:10000/devstoreaccount1/c?Include=snapshots&include=metadata&prefix=a%2Fb"
        #expect(
            SharedKeySignature.stringToSign(method: "get", url: url, headers: [], account: "devstoreaccount1")
                .hasSuffix("\n/devstoreaccount1/devstoreaccount1/c\ninclude:metadata,snapshots\nprefix:a/b"))
        #expect(
            SharedKeySignature.stringToSign(method: "GET", url: "https://a.blob.x", headers: [], account: "a")
                .hasSuffix("\n/a/"))
    }

    @Test func rejectsAKeyThatIsNotBase64() {
        #expect(
            throws: WorkspaceClientError.invalidResponse("SharedKey a", "the storage account key is not valid base64")
        ) {
            try SharedKeySignature.authorization(
                method: "GET", url: "https://a.blob.x/c", headers: [], account: "a", key: "%%")
        }
    }
}
