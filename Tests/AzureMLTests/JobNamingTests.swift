import AzureML
import Testing

@Suite struct JobNamingTests {
    @Test(arguments: [
        ("LightGBM Iris (sweep)", "lightgbm-iris-sweep"), ("train_v2.1", "train-v2-1"), ("---", "job"),
        ("Ünïcode", "n-code"),
        (String(repeating: "ab-", count: 40), String(repeating: "ab-", count: 20).dropLast() + ""),
    ])
    func slugs(_ text: String, _ expected: String) {
        #expect(JobNaming.slug(text) == expected)
    }

    let body: JSONValue = [
        "properties": [
            "displayName": "x", "command": "echo", "jobType": "Command",
            "properties": ["mlflow.source.git.commit": "abc", "team": "a"],
        ]
    ]

    @Test func nameIsTheSlugAndTenHexDigitsOfTheCanonicalBody() {
        let naming = JobNaming(slug: "train", displayNameIsName: false, excludedProperties: [])
        let name = naming.name(for: body)
        #expect(name.hasPrefix("train-"))
        #expect(name.count == "train-".count + 10)
        #expect(name.dropFirst(6).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(naming.name(for: body) == name)
        var changed = body
        changed = ["properties": ["displayName": "x", "command": "echo 2", "jobType": "Command"]]
        #expect(naming.name(for: changed) != name)
    }

    @Test func provenanceAndDefaultedDisplayNameAreNotHashed() {
        let naming = JobNaming(slug: "t", displayNameIsName: true, excludedProperties: ["mlflow.source.git.commit"])
        let other: JSONValue = [
            "properties": [
                "displayName": "y", "command": "echo", "jobType": "Command",
                "properties": ["mlflow.source.git.commit": "def", "team": "a"],
            ]
        ]
        #expect(naming.name(for: body) == naming.name(for: other))
        let strict = JobNaming(slug: "t", displayNameIsName: false, excludedProperties: [])
        #expect(strict.name(for: body) != strict.name(for: other))
    }
}
