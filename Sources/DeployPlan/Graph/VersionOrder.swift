/// How asset versions compare when the plan must pick the highest: integers by value and before other text, other
/// text by its characters.
enum VersionOrder {
    /// Whether `a` comes before `b`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    /// The version after `version`: one more for an integer, else `nil`.
    static func next(after version: String) -> String? {
        Int(version).map { String($0 + 1) }
    }
}
