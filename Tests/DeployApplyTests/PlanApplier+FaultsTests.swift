import AzureML
import DeployApply
import DeployPlan
import DeployTestSupport
import DeployYAML
import Foundation
import Synchronization
import Testing

/// Applies through a `FaultProxy` that throttles (429 with `Retry-After`), answers 503, and drops connections before
/// and after forwarding: the apply must succeed with every resource created exactly once.
@Suite struct PlanApplierFaultsTests {
    /// Quick retries for tests (the `Retry-After` of throttled answers is still honoured).
    static let retryPolicy = RetryPolicy(maxAttempts: 6, maxTotalSeconds: 60, baseDelay: 0.05, maxDelay: 0.4)

    static let faults = FaultProxy.Faults(
        throttled: 0.06, retryAfter: 1, unavailable: 0.1, droppedBeforeForwarding: 0.1, droppedAfterForwarding: 0.1,
        maxFaultsPerRequest: 2, seed: 7)

    /// The example manifests plus environments, data folders and jobs using them.
    static func writeManifests(_ harness: ApplyHarness) throws {
        try harness.copyRepositoryManifests()
        var files: [String: String] = ["extra/conda.yaml": PlanApplierTests.conda]
        for index in 1...6 {
            files["extra/env\(index).yaml"] =
                "name: env-\(index)\nversion: \"1\"\nimage: python:3.1\(index)\nconda_file: conda.yaml\n"
            files["extra/job\(index).yaml"] =
                "experiment_name: faults\ncommand: echo \(index) ${{inputs.table}}\nenvironment: azureml:env-\(index):1\n"
                + "inputs:\n  table: {type: uri_folder, path: table\(index % 2)}\n"
        }
        for index in 0...1 {
            files["extra/table\(index)/part-a.csv"] = "x\n\(index)\n"
            files["extra/table\(index)/part-b.csv"] = "y\n\(index)\n"
            files["extra/data\(index).yaml"] =
                "name: table-\(index)\nversion: \"1\"\ntype: uri_folder\npath: table\(index)\n"
        }
        try harness.write(files)
    }

    @Test func appliesThroughThrottlingServerErrorsAndDroppedConnectionsCreatingEachResourceOnce() async throws {
        let proxy = Mutex<FaultProxy?>(nil)
        defer { if let running = proxy.withLock({ $0 }) { Task { try? await running.shutdown() } } }
        try await ApplyHarness.with(retryPolicy: Self.retryPolicy) { upstream in
            let started = try await FaultProxy.start(upstream: upstream, faults: .none)
            proxy.withLock { $0 = started }
            return started.url
        } _: { harness in
            let faulty = try #require(proxy.withLock { $0 })
            try Self.writeManifests(harness)
            let plan = try await harness.plan()
            #expect(plan.errors.isEmpty, "\(plan.errors.map(\.rendered))")
            #expect(plan.summary.create == 19)

            faulty.resetLog()
            faulty.setFaults(Self.faults)
            let result = try await harness.apply(plan)
            #expect(result.succeeded, "\(result.failures.map(\.outcome))")
            let entries = faulty.entries
            for treatment in [
                FaultProxy.Treatment.throttled, .unavailable, .droppedBeforeForwarding, .droppedAfterForwarding,
            ] {
                #expect(entries.contains { $0.treatment == treatment }, "no request was \(treatment)")
            }

            // Each resource was created by exactly one request the server answered 201.
            let creations = entries.filter {
                $0.method == "PUT" && $0.upstreamStatus == 201 && $0.path.contains("/workspaces/")
            }
            let created = Dictionary(grouping: creations, by: \.path).mapValues(\.count)
            #expect(created.count == 19)
            #expect(created.values.allSatisfy { $0 == 1 }, "\(created.filter { $0.value > 1 })")
            #expect(try await harness.stored(.job).count == 8)
            #expect(try await harness.stored(.environment).count == 7)
            #expect(try await harness.stored(.data) == ["table-0:1", "table-1:1"])

            // Converged: planning again finds nothing to do, and applying writes nothing, faults or not.
            faulty.resetLog()
            let again = try await harness.plan()
            #expect(!again.hasChanges)
            let second = try await harness.apply(again)
            #expect(second.succeeded)
            #expect(faulty.entries.filter { $0.method == "PUT" || $0.method == "POST" }.isEmpty)
        }
        try await proxy.withLock { $0 }?.shutdown()
        proxy.withLock { $0 = nil }
    }
}
