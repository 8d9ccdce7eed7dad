import AzureML
import Testing

@testable import LocalWorkspace

@Suite struct SweepDefinitionTests {
    static func properties(_ changes: JSONObject = [:]) -> JSONObject {
        var object: JSONObject = [
            "jobType": "Sweep", "displayName": "s", "experimentName": "exp", "tags": ["t": "1"],
            "properties": ["git": "x"],
            "computeId":
                "/subscriptions/0/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/computes/cpu",
            "trial": [
                "command": "python t.py --lr ${{search_space.lr}}", "codeId": "code-id", "environmentId": "env-id",
                "environmentVariables": ["A": "1"], "resources": ["instanceCount": 1],
            ],
            "inputs": ["data": ["jobInputType": "uri_file", "uri": "azureml://datastores/d/paths/a.csv"]],
            "outputs": ["model": ["jobOutputType": "uri_folder"]],
            "searchSpace": ["lr": ["loguniform", [-4, -1]]],
            "samplingAlgorithm": ["samplingAlgorithmType": "Random", "seed": 5],
            "objective": ["goal": "Minimize", "primaryMetric": "loss"],
            "limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 8, "trialTimeout": "PT10M", "timeout": "PT1H"],
            "earlyTermination": ["policyType": "Bandit", "slackFactor": 0.1, "evaluationInterval": 2],
        ]
        for (key, value) in changes { object[key] = value }
        return object
    }

    @Test func readsTheSweepAndBuildsItsTrials() throws {
        let definition = try SweepDefinition(name: "s", properties: Self.properties())
        #expect(definition.maxTotalTrials == 8)
        #expect(definition.maxConcurrentTrials == 8)
        #expect(definition.timeout?.limit == "PT1H")
        #expect(definition.timeout?.seconds == 3_600)
        #expect(definition.objective == SweepObjective(goal: .minimize, primaryMetric: "loss"))
        #expect(definition.policy == TerminationPolicy(rule: .bandit(.factor(0.1)), evaluationInterval: 2))
        #expect(definition.algorithm == .random(rule: .random, seed: 5, logBase: nil))
        #expect(definition.trialName(0) == "s_0")

        let trial = definition.trialProperties(3)
        #expect(trial.isCommand)
        #expect(trial.displayName == "s_3")
        #expect(trial.parentJobName == "s")
        #expect(trial.command == "python t.py --lr ${{search_space.lr}}")
        #expect(trial.codeId == "code-id")
        #expect(trial.environmentId == "env-id")
        #expect(trial.environmentVariables == ["A": "1"])
        #expect(trial.experimentName == "exp")
        #expect(trial.tags == ["t": "1"])
        #expect(trial.properties == nil)
        #expect(trial.computeId == definition.properties.computeId)
        #expect(trial.inputs == definition.properties.inputs)
        #expect(trial.outputs == definition.properties.outputs)
        #expect(trial.resources?.instanceCount == 1)
        #expect(trial.limits == JobLimits(jobLimitsType: "Command", timeout: "PT10M"))
        // The trial is a command job the runner accepts.
        #expect(try JobProperties(json: trial.json).isCommand)
    }

    @Test func maxConcurrentTrialsOfZeroMeansUnset() throws {
        let limits: JSONValue = ["jobLimitsType": "Sweep", "maxTotalTrials": 4, "maxConcurrentTrials": 0]
        #expect(
            try SweepDefinition(name: "s", properties: Self.properties(["limits": limits])).maxConcurrentTrials == 4)
        let two: JSONValue = ["jobLimitsType": "Sweep", "maxTotalTrials": 4, "maxConcurrentTrials": 2]
        #expect(try SweepDefinition(name: "s", properties: Self.properties(["limits": two])).maxConcurrentTrials == 2)
    }

    static let refused: [Refusal] = [
        Refusal(
            ["samplingAlgorithm": ["samplingAlgorithmType": "Bayesian"]], "earlyTermination",
            "Bayesian sampling does not support early termination policies"
        ),
        Refusal(
            ["limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 0]], "limits.maxTotalTrials",
            "expected a positive integer, found 0"
        ),
        Refusal(
            ["limits": ["jobLimitsType": "Sweep", "maxTotalTrials": 2, "timeout": "PT0S"]], "limits.timeout",
            "'PT0S' is not a positive duration"
        ),
        Refusal(
            ["searchSpace": ["lr": ["gaussian", [0, 1]]]], "searchSpace.lr",
            "unknown distribution 'gaussian'; expected one of choice, uniform, loguniform, normal, lognormal, "
                + "quniform, qloguniform, qnormal, qlognormal, randint"
        ),
        Refusal(
            ["earlyTermination": ["policyType": "Bandit"]], "earlyTermination",
            "a bandit policy needs slackFactor or slackAmount greater than 0"
        ),
    ]

    struct Refusal: Sendable, CustomTestStringConvertible {
        let changes: JSONObject
        let field: String
        let message: String
        init(_ changes: JSONObject, _ field: String, _ message: String) {
            self.changes = changes
            self.field = field
            self.message = message
        }
        var testDescription: String { field }
    }

    @Test(arguments: refused)
    func refusesWhatItCannotRun(_ refusal: Refusal) throws {
        do {
            _ = try SweepDefinition(name: "s", properties: Self.properties(refusal.changes))
            Issue.record("accepted")
        } catch {
            #expect(error.field == refusal.field)
            #expect(error.message == refusal.message)
        }
    }
}
