import AzureML
import Testing

@Suite struct PythonScalarTests {
    @Test(arguments: [
        (PythonScalar.bool(true), "True"), (.bool(false), "False"), (.int(42), "42"), (.int(-7), "-7"), (.int(0), "0"),
        (.float(0.01), "0.01"), (.float(0.1), "0.1"), (.float(1.0), "1.0"), (.float(1e-5), "1e-05"),
        (.float(1e16), "1e+16"), (.float(-2.5), "-2.5"), (.float(.infinity), "inf"), (.float(.nan), "nan"),
        (.string("gbdt"), "gbdt"), (.string("True"), "True"), (.string(""), ""),
        (.string("hello world"), "hello world"),
    ])
    func rendersLikePythonStr(value: PythonScalar, expected: String) {
        #expect(value.str == expected)
        #expect(value.description == expected)
    }
}
