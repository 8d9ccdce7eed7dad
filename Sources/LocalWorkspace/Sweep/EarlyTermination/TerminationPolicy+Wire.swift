public import AzureML
import DeployYAML

extension TerminationPolicy {
    /// Parses the wire `{"policyType": "Bandit", "slackFactor": 0.1, "slackAmount": 0, "evaluationInterval": 2,
    /// "delayEvaluation": 5}`, `{"policyType": "MedianStopping", ...}` or `{"policyType": "TruncationSelection",
    /// "truncationPercentage": 20, ...}`; the type in any case.
    ///
    /// The SDK sends 0 for every number left unset, so 0 means unset: an `evaluationInterval` of 0 is Azure ML's
    /// default of 1, and a bandit policy takes whichever of `slackFactor` and `slackAmount` is positive. A bandit
    /// policy with both 0 is rejected rather than run with no slack (which would cancel every trial not tied with
    /// the best), as is one with both positive, since Azure ML accepts only one.
    public init(wire value: JSONValue, path: String = "earlyTermination") throws(LocalWorkspaceError) {
        guard case .object(let object) = value else {
            throw .invalidSweep("expected an object, found \(value.typeName)", field: path)
        }
        let types = "'Bandit', 'MedianStopping' or 'TruncationSelection'"
        guard case .string(let type)? = object["policyType"] else {
            throw .invalidSweep("expected \(types)", field: "\(path).policyType")
        }
        let interval = try Self.count(object, "evaluationInterval", path: path)
        let delay = try Self.count(object, "delayEvaluation", path: path)
        let rule: Rule
        switch type.lowercased() {
        case "bandit":
            let factor = try Self.slack(object, "slackFactor", path: path)
            let amount = try Self.slack(object, "slackAmount", path: path)
            switch (factor > 0, amount > 0) {
            case (true, false): rule = .bandit(.factor(factor))
            case (false, true): rule = .bandit(.amount(amount))
            case (false, false):
                throw .invalidSweep("a bandit policy needs slackFactor or slackAmount greater than 0", field: path)
            case (true, true):
                throw .invalidSweep(
                    "a bandit policy takes slackFactor or slackAmount, not both; found \(PythonFloat.repr(factor)) "
                        + "and \(PythonFloat.repr(amount))",
                    field: path)
            }
        case "medianstopping":
            rule = .medianStopping
        case "truncationselection":
            let field = "\(path).truncationPercentage"
            let value = object["truncationPercentage"] ?? .null
            guard case .int(let percentage) = value, (1...99).contains(percentage) else {
                throw .invalidSweep(
                    "expected an integer from 1 to 99, found \(value.serialized(.compact))", field: field)
            }
            rule = .truncationSelection(percentage: percentage)
        default:
            throw .invalidSweep("expected \(types), found '\(type)'", field: "\(path).policyType")
        }
        self.init(rule: rule, evaluationInterval: max(interval, 1), delayEvaluation: delay)
    }

    private static func count(_ object: JSONObject, _ key: String, path: String) throws(LocalWorkspaceError) -> Int {
        guard let value = object[key], !value.isNull else { return 0 }
        guard case .int(let number) = value, number >= 0 else {
            throw .invalidSweep(
                "expected a non-negative integer, found \(value.serialized(.compact))", field: "\(path).\(key)")
        }
        return number
    }

    private static func slack(_ object: JSONObject, _ key: String, path: String) throws(LocalWorkspaceError)
        -> Double
    {
        guard let value = object[key], !value.isNull else { return 0 }
        guard let number = value.doubleValue, number >= 0 else {
            throw .invalidSweep(
                "expected a non-negative number, found \(value.serialized(.compact))", field: "\(path).\(key)")
        }
        return number
    }
}
