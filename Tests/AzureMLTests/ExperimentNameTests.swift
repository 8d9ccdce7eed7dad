import AzureML
import Testing

@Suite struct ExperimentNameTests {
    @Test(arguments: [
        ("oracle-cwd", "oracle-cwd"), ("my project", "myproject"), ("my.project", "my"),
        ("archive.tar.gz", "archive.tar"),
        (".hidden", ".hidden"), ("trailing.", "trailing."), ("", "Default"), ("   ", "Default"), ("a\tb", "a\tb"),
    ])
    func defaultNameIsThePythonStemWithoutSpaces(_ directory: String, _ expected: String) {
        #expect(ExperimentName.defaultName(workingDirectoryName: directory) == expected)
    }

    @Test func lastComponent() {
        #expect(ExperimentName.lastComponent(of: "/home/me/work/") == "work")
        #expect(ExperimentName.lastComponent(of: "/") == "")
    }
}
