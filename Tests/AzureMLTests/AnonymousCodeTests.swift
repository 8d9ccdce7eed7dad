import AzureML
import Testing

@Suite struct AnonymousCodeTests {
    @Test func nameIsTheContentHashInUUIDShape() {
        let hash = "250ad357a6a3532bcd1ab171a3c30d91f95f7c9fc753cf9e59b55aa3969232a0"
        #expect(AnonymousCode.name(contentHash: hash) == "250ad357-a6a3-532b-cd1a-b171a3c30d91")
        #expect(AnonymousCode.version == "1")
    }

    @Test func urlsAreNamedAfterTheirHash() {
        let name = AnonymousCode.name(url: "https://github.com/a/b")
        #expect(name == AnonymousCode.name(url: "https://github.com/a/b"))
        #expect(name != AnonymousCode.name(url: "https://github.com/a/c"))
        #expect(name.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }
}
