import Testing

@testable import LocalWorkspace

@Suite struct CondaSpecTests {
    @Test func pipDependenciesAndPlainCondaPackagesBecomeRequirements() throws {
        let spec = try CondaSpec(
            parsing: """
                name: lightgbm-iris
                channels:
                  - conda-forge
                dependencies:
                  - python=3.11
                  - pip
                  - numpy=1.26
                  - conda-forge::pandas>=2.0
                  - scipy 1.11.*
                  - pytorch==2.1.0=py3.11_cpu
                  - mkl
                  - _libgcc_mutex
                  - pip:
                      - lightgbm
                      - mlflow-skinny==3.1
                      - --extra-index-url https://example.com/simple
                """)
        #expect(
            spec.requirements == [
                "pip", "numpy==1.26.*", "pandas>=2.0", "scipy==1.11.*", "torch==2.1.0", "lightgbm",
                "mlflow-skinny==3.1", "--extra-index-url https://example.com/simple",
            ])
        #expect(spec.pythonPin == "python=3.11")
        #expect(spec.skipped == ["mkl", "_libgcc_mutex"])
    }

    @Test func emptyFilesAndFilesWithoutDependenciesNeedNothing() throws {
        #expect(try CondaSpec(parsing: "").requirements.isEmpty)
        #expect(try CondaSpec(parsing: "name: x\nchannels: [defaults]\n").requirements.isEmpty)
        #expect(try CondaSpec(parsing: "dependencies:\n  - python=3.11\n  - pip: []\n").requirements.isEmpty)
    }

    @Test(arguments: [
        ("dependencies: numpy", "the conda file's dependencies are not a list"),
        ("dependencies:\n  - pip: numpy", "the conda file's pip dependencies are not a list"),
        ("dependencies:\n  - {x: 1}", "a conda dependency must be a package or a 'pip:' list"),
        ("- a\n- b", "the conda file is not a mapping"),
    ])
    func malformedFilesAreRejected(_ text: String, _ message: String) {
        #expect(throws: CondaSpec.Failure(description: message)) { try CondaSpec(parsing: text) }
    }

    @Test func invalidYAMLIsRejected() {
        #expect(throws: CondaSpec.Failure.self) { try CondaSpec(parsing: "dependencies: [a") }
    }

    @Test func thePythonPinIsComparedWithTheHost() throws {
        func warning(_ pin: String, host: String = "3.11.7") throws -> String? {
            try CondaSpec(parsing: "dependencies:\n  - \(pin)\n").pythonWarning(hostVersion: host)
        }
        #expect(try warning("python=3.11") == nil)
        #expect(try warning("python==3.11.7") == nil)
        #expect(try warning("python 3.11.*") == nil)
        #expect(try warning("python") == nil)
        #expect(try warning("python>=3.8") == nil)
        #expect(
            try warning("python=3.8")
                == "the conda file asks for python=3.8, but the host's Python is 3.11.7; the environment uses Python 3.11.7"
        )
        #expect(try warning("python=3.11.4") != nil)
    }
}
