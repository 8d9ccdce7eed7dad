import DeployYAML
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersMessageLineAndCaret() {
        let source = SourceFile(name: "manifests/job.yml", text: "limits:\n  max_total_trials: ten\n")
        let diagnostic = Diagnostic(
            .error, "expected an integer, found \"ten\"", at: Mark(line: 2, column: 21, offset: 28), in: source)
        #expect(
            diagnostic.rendered == """
                manifests/job.yml:2:21: error: expected an integer, found "ten"
                  max_total_trials: ten
                                    ^
                """)
        #expect(diagnostic.description == diagnostic.rendered)
    }

    @Test func caretLineKeepsTabs() {
        let diagnostic = Diagnostic(
            severity: .warning, message: "odd", file: "f.yaml", mark: Mark(line: 3, column: 7, offset: 0),
            sourceLine: "\tkey:\tvalue")
        #expect(diagnostic.rendered == "f.yaml:3:7: warning: odd\n\tkey:\tvalue\n\t    \t^")
    }

    @Test func caretPastTheEndOfTheLine() {
        let diagnostic = Diagnostic(
            severity: .error, message: "m", file: "f", mark: Mark(line: 1, column: 4, offset: 0), sourceLine: "ab")
        #expect(diagnostic.rendered == "f:1:4: error: m\nab\n   ^")
    }

    @Test func rendersWithoutPositionOrLine() {
        #expect(
            Diagnostic(severity: .error, message: "No such file or directory", file: "x.yaml", mark: nil).rendered
                == "x.yaml: error: No such file or directory")
        #expect(
            Diagnostic(severity: .error, message: "m", file: "x.yaml", mark: Mark(line: 2, column: 3)).rendered
                == "x.yaml:2:3: error: m")
    }

    @Test func quotesTheNodesLine() throws {
        let node = try #require(try YAMLParser().parse("a: 1\nb:  two\n", name: "n.yaml").first?["b"])
        #expect(Diagnostic(.error, "bad", at: node).rendered == "n.yaml:2:5: error: bad\nb:  two\n    ^")
    }

    @Test func sortsByFileThenPosition() {
        let a = Diagnostic(severity: .warning, message: "w", file: "a", mark: Mark(line: 2, column: 1))
        let b = Diagnostic(severity: .error, message: "e", file: "a", mark: Mark(line: 1, column: 5))
        let c = Diagnostic(severity: .error, message: "whole", file: "a", mark: nil)
        let d = Diagnostic(severity: .error, message: "e", file: "b", mark: Mark(line: 1, column: 1))
        #expect([d, a, b, c].sorted() == [c, b, a, d])
    }
}
