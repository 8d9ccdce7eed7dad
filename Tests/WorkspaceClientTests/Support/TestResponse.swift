import AzureML

/// What the test server answers.
struct TestResponse: Sendable {
    var status: Int
    var headers: [Header] = []
    var body: [UInt8] = []
    /// Closes the connection instead of answering.
    var dropConnection = false
    /// Waits this long before answering, in seconds.
    var delay: Double = 0

    static func json(_ status: Int, _ text: String, headers: [Header] = []) -> TestResponse {
        TestResponse(
            status: status, headers: headers + [Header("Content-Type", "application/json")], body: Array(text.utf8))
    }

    static func text(_ status: Int, _ text: String, headers: [Header] = []) -> TestResponse {
        TestResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    static let drop = TestResponse(status: 0, dropConnection: true)
}
