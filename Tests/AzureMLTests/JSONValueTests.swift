import AzureML
import DeployYAML
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        (0.01, "0.01"), (1.0, "1.0"), (0.1, "0.1"), (1e-5, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
        (1e15, "1000000000000000.0"), (123.456, "123.456"), (-2.5, "-2.5"), (1.5e300, "1.5e+300"),
        (0.3, "0.3"), (100.0, "100.0"), (-0.0, "-0.0"), (1.0 / 3.0, "0.3333333333333333"),
        (12345678901234567.0, "1.2345678901234568e+16"), (0.000123, "0.000123"),
    ])
    func pythonRepr(value: Double, expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }

    @Test func parsesAndSerializesRoundTrip() throws {
        let text = #"{"b":[1,1.0,-2.5e-7,true,false,null,"\u00e9\n\"x\""],"a":{"z":{},"y":[]}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized(.compact) == #"{"b":[1,1.0,-2.5e-07,true,false,null,"é\n\"x\""],"a":{"z":{},"y":[]}}"#)
        #expect(
            value.serialized(.canonical) == #"{"a":{"y":[],"z":{}},"b":[1,1.0,-2.5e-07,true,false,null,"é\n\"x\""]}"#
        )
        #expect(try JSONValue(parsing: value.serialized(.pretty)) == value)
    }

    @Test func equalityIgnoresKeyOrderAndNumberKind() throws {
        let a = try JSONValue(parsing: #"{"x": 1, "y": [2.0]}"#)
        let b = try JSONValue(parsing: #"{"y": [2], "x": 1.0}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != (try JSONValue(parsing: #"{"x": 1}"#)))
    }

    @Test(arguments: [
        ("", "byte 0: unexpected end of input"),
        ("{\"a\" 1}", "byte 5: expected ':'"),
        ("[1,]", "byte 3: unexpected character ']'"),
        ("01", "byte 2: leading zero"),
        ("\"abc", "byte 4: unterminated string"),
        ("{} x", "byte 3: unexpected text after the JSON value"),
        ("\"\\ud800\"", "byte 7: unpaired surrogate"),
    ])
    func rejectsMalformedText(text: String, expected: String) {
        #expect(throws: AzureMLError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func rejectsDeepNesting() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: AzureMLError.self) { try JSONValue(parsing: text) }
    }
}
