import AzureML
import Testing

@Suite struct PercentEncodingTests {
    @Test func keepsUnreservedAndEncodesEverythingElseAsUTF8() {
        #expect(PercentEncoding.encode("aZ09-._~") == "aZ09-._~")
        #expect(PercentEncoding.encode("a b&c=d/e?f+g") == "a%20b%26c%3Dd%2Fe%3Ff%2Bg")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
    }

    @Test func pathsKeepSlashesAndQueriesKeepDollar() {
        #expect(PercentEncoding.encodePath("/jobs/my job/x#1") == "/jobs/my%20job/x%231")
        #expect(PercentEncoding.encodeQueryComponent("$orderBy") == "$orderBy")
        #expect(PercentEncoding.encodeQueryComponent("createdtime desc") == "createdtime%20desc")
    }

    @Test func decodesEscapesAndRejectsMalformedOnes() {
        #expect(PercentEncoding.decode("a%20b%2Fc") == "a b/c")
        #expect(PercentEncoding.decode("a+b") == "a+b")
        #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(PercentEncoding.decode("%C3%A9") == "é")
        #expect(PercentEncoding.decode("%2") == nil)
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
    }
}
