import AzureML
import Testing

@Suite struct GitPropertiesTests {
    /// A fake git: answers by arguments; `nil` for anything else.
    static func git(_ answers: [String: String]) -> ([String]) -> String? {
        { arguments in answers[arguments.joined(separator: " ")] }
    }

    static let repository = [
        "rev-parse --is-inside-work-tree": "true\n", "ls-remote --get-url": "https://github.com/me/repo.git\n",
        "symbolic-ref --short HEAD": "main\n", "rev-parse HEAD": "0123abcd\n", "status --porcelain .": "",
    ]

    @Test func collectsFromGitInTheSDKOrder() {
        let properties = GitProperties.collect(environment: [:], runGit: Self.git(Self.repository))
        #expect(
            properties.entries == [
                .init("mlflow.source.git.repoURL", "https://github.com/me/repo.git"),
                .init("mlflow.source.git.branch", "main"), .init("mlflow.source.git.commit", "0123abcd"),
                .init("azureml.git.dirty", "False"),
            ])
    }

    @Test func dirtyWhenStatusPrintsAnything() {
        var answers = Self.repository
        answers["status --porcelain ."] = " M train.py\n"
        let properties = GitProperties.collect(environment: [:], runGit: Self.git(answers))
        #expect(properties.entries.last == .init("azureml.git.dirty", "True"))
    }

    @Test func environmentOverridesWin() {
        let environment = [
            "AZUREML_GIT_REPOSITORY_URI": " https://example.com/r ", "AZUREML_GIT_COMMIT": "ffff",
            "AZUREML_GIT_DIRTY": "1", "AZUREML_GIT_BUILD_ID": "42", "AZUREML_GIT_BUILD_URI": "https://ci/42",
        ]
        let properties = GitProperties.collect(environment: environment, runGit: Self.git(Self.repository))
        #expect(
            properties.entries == [
                .init("mlflow.source.git.repoURL", "https://example.com/r"),
                .init("mlflow.source.git.branch", "main"), .init("mlflow.source.git.commit", "ffff"),
                .init("azureml.git.dirty", "True"), .init("azureml.git.build_id", "42"),
                .init("azureml.git.build_uri", "https://ci/42"),
            ])
    }

    @Test func outsideARepositoryOnlyTheEnvironmentCounts() {
        let none = GitProperties.collect(environment: [:], runGit: { _ in nil })
        #expect(none == .none)
        let some = GitProperties.collect(environment: ["AZUREML_GIT_BRANCH": "dev"], runGit: { _ in nil })
        #expect(some.entries == [.init("mlflow.source.git.branch", "dev")])
    }

    @Test func skippedWhenAnyIsAlreadySet() {
        let properties = GitProperties.collect(environment: [:], runGit: Self.git(Self.repository))
        #expect(properties.applicable(toExisting: ["mlflow.source.git.commit"]) == .none)
        #expect(properties.applicable(toExisting: ["other"]) == properties)
    }

    @Test func aTokenInTheURLDropsTheRepositoryProperties() {
        let environment = ["AZUREML_GIT_BUILD_ID": "7"]
        var answers = Self.repository
        answers["ls-remote --get-url"] = "https://mytoken@dev.azure.com/org/project/_git/repo"
        let properties = GitProperties.collect(environment: environment, runGit: Self.git(answers))
        #expect(properties.applicable(toExisting: []).entries == [.init("azureml.git.build_id", "7")])
    }

    @Test(arguments: [
        ("https://mytoken@dev.azure.com/org", true), ("https://dev.azure.com/mytoken@org/x", true),
        ("https://dev.azure.com/org/project", false), ("git@github.com:me/repo.git", false),
        ("https://github.com/me/repo.git", false), ("https://@host/x", false),
    ])
    func tokenDetection(_ url: String, _ expected: Bool) {
        #expect(GitProperties.hasToken(url) == expected)
    }
}
