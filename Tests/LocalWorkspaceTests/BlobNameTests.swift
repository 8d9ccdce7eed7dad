import Testing

@testable import LocalWorkspace

@Suite struct BlobNameTests {
    @Test(arguments: ["src/main.py", "LocalUpload/abc/x.csv", "a", "dir.with.dots/..hidden/f", "name with spaces"])
    func acceptsOrdinaryNames(_ name: String) throws {
        try BlobName.validateBlob(name)
    }

    @Test(arguments: ["", "/abs", "a//b", "a/", "..", "a/../b", "./a", "a/.", "a\\b", "a\u{0}b", "a\nb"])
    func rejectsTraversalAndOddNames(_ name: String) {
        #expect(throws: BlobError.self) { try BlobName.validateBlob(name) }
    }

    @Test func containerNamesFollowAzure() throws {
        try BlobName.validateContainer("workspace-blobstore")
        try BlobName.validateContainer("pending-0123456789abcdef")
        for bad in ["ab", "Upper", "-lead", "trail-", "dou--ble", "dot.ted", String(repeating: "a", count: 64)] {
            #expect(throws: BlobError.self) { try BlobName.validateContainer(bad) }
        }
    }
}
