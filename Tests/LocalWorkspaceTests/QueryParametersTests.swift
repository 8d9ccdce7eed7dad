import Testing

@testable import LocalWorkspace

@Suite struct QueryParametersTests {
    @Test func decodesNamesAndValuesOnceAndKeepsPlus() {
        let query = QueryParameters("api-version=2023-04-01&%24top=2&%24orderBy=createdtime%20desc&sig=a+b%2Bc%3D&flag")
        #expect(query["$top"] == "2")
        #expect(query.value(caseInsensitive: "$orderby") == "createdtime desc")
        #expect(query["sig"] == "a+b+c=")
        #expect(query["flag"] == "")
        #expect(query["missing"] == nil)
        #expect(QueryParameters.percentDecode("%252e") == "%2e")
        #expect(QueryParameters.percentDecode("%zz") == nil)
        #expect(QueryParameters.percentEncode("a b/+=") == "a%20b%2F%2B%3D")
    }
}
