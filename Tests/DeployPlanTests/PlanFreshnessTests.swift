import AzureML
import DeployPlan
import Foundation
import Testing

@Suite struct PlanFreshnessTests {
    @Test func aSavedPlanIsCurrentUntilTheWorkspaceOrAFileChanges() async throws {
        try await PlanHarness.with { harness in
            let folder = try harness.copyFixture("crossref")
            let saved = try Plan(json: try await harness.plan([folder]).json(includingFingerprints: true))
            #expect(saved.fingerprints.reads.count == 6)
            #expect(
                saved.fingerprints.files.map { $0.path.replacingOccurrences(of: folder + "/", with: "") } == [
                    "compute.yml", "conda.yaml", "environment.yml", "iris.csv", "iris.yml", "src/train.py", "train.yml",
                ])
            #expect(await PlanFreshness.check(saved, service: harness.client, deployVersion: "0.1.0") == [])

            // Someone creates the environment the plan was going to create.
            try await harness.put(
                "/environments/lightgbm-env/versions/1", apiVersion: APIVersion.environments,
                ["properties": ["image": "python"]])
            try harness.write(["crossref/iris.csv": "changed\n"])
            #expect(
                await PlanFreshness.check(saved, service: harness.client, deployVersion: "0.2.0").map(\.description)
                    == [
                        "the plan was made by deploy 0.1.0, this is deploy 0.2.0", "\(folder)/iris.csv changed",
                        "GET /environments/lightgbm-env/versions/1: now exists (absent when planned)",
                    ])
        }
    }

    @Test func aPlanForAnotherWorkspaceIsRefusedAtOnce() async throws {
        try await PlanHarness.with { harness in
            var plan = SamplePlan.plan
            plan.workspace.id = WorkspaceID(subscription: "s", resourceGroup: "g", workspace: "w")
            #expect(
                await PlanFreshness.check(plan, service: harness.client, deployVersion: "0.1.0").map(\.description) == [
                    "the plan targets workspace \(plan.workspace.id.armID), not \(WorkspaceID.local.armID)"
                ])
            #expect(harness.service.requests.isEmpty)
        }
    }

    @Test func changedAndRemovedResourcesAreTold() async throws {
        try await PlanHarness.with { harness in
            try harness.write(["job.yml": "name: j\ncommand: echo\nenvironment: azureml:e:1\n"])
            try await harness.put(
                "/environments/e/versions/1", apiVersion: APIVersion.environments, ["properties": ["image": "python"]])
            let plan = try await harness.plan([harness.path("job.yml")])
            #expect(plan.errors.isEmpty)
            try await harness.put(
                "/environments/e/versions/1", apiVersion: APIVersion.environments,
                ["properties": ["image": "python", "tags": ["a": "b"]]])
            #expect(
                await PlanFreshness.check(plan, service: harness.client, deployVersion: "0.1.0").map(\.description) == [
                    "GET /environments/e/versions/1: changed since the plan was made"
                ])
        }
    }
}
