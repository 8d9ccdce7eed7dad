import Testing

@testable import LocalWorkspace

@Suite struct ListQueryTests {
    @Test func pagesNewestFirstWithNextLinks() throws {
        let query = QueryParameters("api-version=v&$top=2")
        let list = try ListQuery(query)
        let first = list.page([1, 2, 3, 4, 5], url: "http://h/p", query: query)
        #expect(first.items == [5, 4])
        #expect(first.nextLink == "http://h/p?api-version=v&$top=2&$skip=2")
        let last = try ListQuery(QueryParameters("$top=2&$skip=4")).page([1, 2, 3, 4, 5], url: "u", query: query)
        #expect(last.items == [1])
        #expect(last.nextLink == nil)
        let ascending = try ListQuery(QueryParameters("$orderBy=createdtime")).page([1, 2], url: "u", query: query)
        #expect(ascending.items == [1, 2])
    }

    @Test func rejectsMalformedParameters() {
        #expect(throws: ARMError.userError("$skip must be a non-negative integer, found '-1'.", target: "$skip")) {
            try ListQuery(QueryParameters("$skip=-1"))
        }
        #expect(
            throws: ARMError.userError(
                "$orderBy 'createdtime sideways' is not supported; use 'createdtime desc' or 'createdtime asc'.",
                target: "$orderBy")
        ) { try ListQuery(QueryParameters("$orderBy=createdtime%20sideways")) }
    }
}
