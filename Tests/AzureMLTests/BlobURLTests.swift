import AzureML
import Testing

@Suite struct BlobURLTests {
    let container = BlobURL("https://acct.blob.core.windows.net/azureml-blobstore-1?sv=2021-08-06&sr=c&sig=abc%2Bdef")

    @Test func appendsEncodedBlobNamesBeforeTheSAS() {
        let blob = container.appending(blobName: "src/my script.py")
        #expect(
            blob.string
                == "https://acct.blob.core.windows.net/azureml-blobstore-1/src/my%20script.py"
                + "?sv=2021-08-06&sr=c&sig=abc%2Bdef")
        #expect(BlobURL("http://h/c/").appending(blobName: "/a/b").string == "http://h/c/a/b")
    }

    @Test func addsOperationsAfterTheExistingQuery() {
        let block = container.appending(blobName: "f").adding([("comp", "block"), ("blockid", "YmxvY2s=")])
        #expect(block.query == "sv=2021-08-06&sr=c&sig=abc%2Bdef&comp=block&blockid=YmxvY2s%3D")
        #expect(BlobURL("http://h/c/f").adding([("comp", "metadata")]).string == "http://h/c/f?comp=metadata")
    }

    @Test func descriptionHidesTheSignature() {
        #expect(
            container.description
                == "https://acct.blob.core.windows.net/azureml-blobstore-1?sv=2021-08-06&sr=c&sig=REDACTED")
        #expect("\(BlobURL("http://h/c"))" == "http://h/c")
    }
}
