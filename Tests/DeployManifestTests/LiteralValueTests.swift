import DeployManifest
import DeployYAML
import Testing

@Suite struct LiteralValueTests {
    @Test(arguments: [
        ("0.01", "0.01"), ("true", "True"), ("False", "False"), ("5", "5"), ("1.0", "1.0"), ("1e3", "1e3"),
        ("1.0e+3", "1000.0"), ("hello", "hello"), ("0x1F", "31"), ("99999999999999999999", "99999999999999999999"),
        ("1_000", "1000"), ("1.5e-7", "1.5e-07"),
    ])
    func pythonStringOfResolvedScalars(text: String, expected: String) throws {
        let node = try #require(try YAMLParser().parse("x: \(text)").first?["x"])
        let literal = try #require(LiteralValue(try node.resolvedScalar()))
        #expect(literal.pythonString == expected)
    }

    @Test func nullAndTimestampsAreNotLiterals() {
        #expect(LiteralValue(.null) == nil)
        #expect(LiteralValue(.timestamp("2024-01-01")) == nil)
    }
}
