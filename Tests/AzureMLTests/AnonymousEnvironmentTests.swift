import DeployYAML
import Testing

@testable import AzureML

@Suite struct AnonymousEnvironmentTests {
    static let table = try? Fixture.json("Hashing/anonymous-environments.json")

    @Test func reproducesTheReferenceValues() {
        let image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"
        let conda = "channels:\n- conda-forge\ndependencies:\n- python=3.10\n- pip\n- pip:\n  - mlflow\nname: myenv\n"
        #expect(AnonymousEnvironment.name == "CliV2AnonymousEnvironment")
        #expect(
            AnonymousEnvironment.version(image: image)
                == "455df48a2c57c843992352e53f852835d2657d682cc95c74a50125f5a3347843"
        )
        #expect(
            AnonymousEnvironment.version(image: image, condaFile: conda)
                == "2e04d82fb8092528e828ebcdf218361f4125a08a15b62b5e5edd46c89bd21134"
        )
    }

    /// The conda file as a user writes it, re-dumped by DeployYAML as the SDK re-dumps it, gives the SDK's version.
    @Test func condaFileRedumpedByDeployYAMLGivesTheReferenceVersion() throws {
        let written = """
            name: myenv
            channels:
              - conda-forge
            dependencies:
              - python=3.10
              - pip
              - pip:
                - mlflow

            """
        let document = try #require(try YAMLParser().parse(written, name: "conda.yml").first)
        let condaFile = try YAMLPlain.dump(safeLoading: document)
        #expect(
            AnonymousEnvironment.version(
                image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", condaFile: condaFile)
                == "2e04d82fb8092528e828ebcdf218361f4125a08a15b62b5e5edd46c89bd21134"
        )
    }

    @Test(arguments: FixtureCase.cases(table?["images"]?.arrayValue ?? [], namedBy: "version"))
    func imageVersionsMatchThePythonAlgorithm(environment: FixtureCase) throws {
        let version = AnonymousEnvironment.version(
            image: try #require(environment["image"]?.stringValue),
            inferenceConfig: environment["inferenceConfig"]?.stringValue,
            condaFile: environment["condaFile"]?.stringValue
        )
        #expect(version == environment["version"]?.stringValue)
    }

    @Test(arguments: FixtureCase.cases(table?["builds"]?.arrayValue ?? [], namedBy: "version"))
    func buildVersionsMatchThePythonAlgorithm(environment: FixtureCase) throws {
        let version = AnonymousEnvironment.version(
            buildContextHash: try #require(environment["buildContextHash"]?.stringValue),
            dockerfilePath: environment["dockerfilePath"]?.stringValue
        )
        #expect(version == environment["version"]?.stringValue)
    }

    @Test func fixtureIsThere() {
        #expect(Self.table?["images"]?.arrayValue?.count == 6)
        #expect(Self.table?["builds"]?.arrayValue?.count == 4)
    }

    @Test func buildVersionHashesTheContextFolder() throws {
        let scratch = try ScratchFolder()
        try scratch.write("ctx/Dockerfile", "FROM python:3.11\n")
        try scratch.write("ctx/requirements.txt", "pandas\n")
        let hash = try ObjectHash.of(path: scratch.path("ctx"))
        #expect(
            try AnonymousEnvironment.version(buildContext: scratch.path("ctx"), dockerfilePath: "Dockerfile")
                == AnonymousEnvironment.version(buildContextHash: hash, dockerfilePath: "Dockerfile")
        )
        #expect(
            try AnonymousEnvironment.version(buildContext: scratch.path("ctx"))
                == AnonymousEnvironment.version(buildContextHash: hash)
        )
    }

    @Test(arguments: [
        ("ab", "xyz", "xabyabz"), ("", "xyz", "xyz"), ("ab", "", ""), ("ab", "x", "x"), ("-", "héé", "h-é-é"),
    ])
    func joinInterleavesLikePython(separator: String, text: String, expected: String) {
        #expect(PythonText.join(separator, text) == expected)
    }

    @Test(.enabled(if: Fixture.conformanceAvailable, "needs ../shared/conformance"))
    func reproducesEveryAnonymousEnvironmentOfTheConformanceRecords() throws {
        var checked = 0
        for (name, record) in try Fixture.conformanceRecords(in: ["requests", "requests-code-exists", "expected"]) {
            for (version, properties) in Self.anonymousEnvironments(in: record) {
                let computed = AnonymousEnvironment.version(
                    image: try #require(properties["image"]?.stringValue),
                    condaFile: properties["condaFile"]?.stringValue
                )
                #expect(computed == version, "\(name)")
                checked += 1
            }
        }
        #expect(checked == 33)
    }

    /// The `(version, properties)` of every anonymous environment PUT in a request sequence, and of every
    /// `__unresolved_entity__` environment in an unresolved body.
    static func anonymousEnvironments(in value: JSONValue) -> [(String, JSONValue)] {
        var found: [(String, JSONValue)] = []
        if let object = value.objectValue {
            if object["__unresolved_entity__"]?.stringValue == "Environment",
                object["name"]?.stringValue == AnonymousEnvironment.name,
                let version = object["version"]?.stringValue, let properties = object["rest"]?["properties"]
            {
                found.append((version, properties))
            }
            let path = object["path"]?.stringValue ?? ""
            if object["method"]?.stringValue == "PUT", path.contains("/environments/\(AnonymousEnvironment.name)/"),
                let properties = object["body"]?["json"]?["properties"]
            {
                found.append((String(path.split(separator: "/").last ?? ""), properties))
            }
            for (_, member) in object { found += anonymousEnvironments(in: member) }
        } else if let array = value.arrayValue {
            for element in array { found += anonymousEnvironments(in: element) }
        }
        return found
    }
}
