import Testing

@testable import LocalWorkspace

@Suite struct Base64Tests {
    @Test func roundTripsRFC4648Vectors() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64.decode("Zm9") == nil)
        #expect(Base64.decode("Zm=v") == nil)
        #expect(Base64.decode("Zm9*") == nil)
    }
}
