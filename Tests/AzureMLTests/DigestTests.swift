import AzureML
import Foundation
import Testing

@Suite struct DigestTests {
    @Test func textBytesAndFilesHashAlike() throws {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(Digest.sha256("") == empty)
        #expect(Digest.sha256("abc") == abc)
        #expect(Digest.sha256(bytes: Array("abc".utf8)) == abc)
        let folder = try ScratchFolder()
        try folder.write("abc.txt", "abc")
        #expect(try Digest.sha256(file: folder.path("abc.txt")) == abc)
    }

    @Test func aMissingFileIsAnIOError() throws {
        let folder = try ScratchFolder()
        #expect {
            try Digest.sha256(file: folder.path("missing"))
        } throws: { error in
            (error as? AzureMLError)?.kind == "io" && (error as? AzureMLError)?.location == folder.path("missing")
        }
    }
}
