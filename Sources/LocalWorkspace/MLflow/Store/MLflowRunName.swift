/// Names for runs a client creates without one (`runs/create` carries no `run_name`): `<adjective>-<noun>-<number>`,
/// such as `brisk-heron-417`, as MLflow's server invents them.
enum MLflowRunName {
    static let adjectives = [
        "amber", "bold", "brave", "brisk", "calm", "clever", "crisp", "dapper", "eager", "fair", "gentle", "glad",
        "golden", "honest", "jolly", "keen", "kind", "lively", "lucid", "merry", "nimble", "polite", "proud",
        "quiet", "rapid", "silver", "smooth", "steady", "sunny", "swift", "tidy", "vivid", "warm", "wise", "zesty",
    ]
    static let nouns = [
        "ant", "badger", "bass", "bear", "crane", "deer", "dove", "eel", "falcon", "finch", "fox", "gull", "hare",
        "hawk", "heron", "ibis", "koala", "lark", "lynx", "mole", "newt", "otter", "owl", "panda", "quail", "robin",
        "seal", "shrew", "snail", "stork", "swan", "toad", "trout", "wasp", "wren", "yak",
    ]

    /// A random name.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let adjective = adjectives.randomElement(using: &generator)!
        let noun = nouns.randomElement(using: &generator)!
        return "\(adjective)-\(noun)-\(Int.random(in: 100...999, using: &generator))"
    }
}
